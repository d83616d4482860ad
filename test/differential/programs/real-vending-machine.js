// A vending machine state machine: a switch over states with fallthrough, coins sent in
// through next(value), refunds, and a tiny inventory.
export const log = [];

const PRICES = { A1: 65, A2: 120, B1: 45 };

/* @resumable */
export function* main() {
  const stock = { A1: 2, A2: 1, B1: 0 };
  let state = "idle";
  let credit = 0;
  let selection = null;
  let sales = 0;
  for (let turn = 0; turn < 40 && state !== "off"; turn++) {
    const input = yield { state, credit, selection };
    switch (state) {
      case "idle":
        if (input === "off") {
          state = "off";
          break;
        }
        state = "collecting";
      // fall through with the first coin
      case "collecting":
        if (typeof input === "number" && [5, 10, 25, 100].includes(input)) {
          credit += input;
        } else if (typeof input === "string" && input in PRICES) {
          selection = input;
          state = "vending";
        } else if (input === "refund") {
          log.push(`refund ${credit}`);
          credit = 0;
          state = "idle";
          break;
        } else {
          log.push(`rejected ${String(input)}`);
          break;
        }
        if (state !== "vending") break;
      // fall through to try the sale
      case "vending": {
        const price = PRICES[selection];
        if (stock[selection] === 0) {
          log.push(`${selection} sold out`);
          selection = null;
          state = "collecting";
        } else if (credit >= price) {
          stock[selection]--;
          credit -= price;
          sales++;
          log.push(`vend ${selection}, change ${credit}`);
          credit = 0;
          selection = null;
          state = "idle";
        } else {
          state = "collecting";
        }
        break;
      }
      default:
        throw new Error(`bad state ${state}`);
    }
  }
  return { sales, stock };
}

export const create = () => main();
export const sends = [undefined, 25, 25, "B1", 10, "A1", 5, 100, "refund", 25, 3, "A2", 100, "A2", "refund", "off"];
