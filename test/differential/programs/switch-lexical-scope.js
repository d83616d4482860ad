// let/const in case clauses share one block scope; a case reached without its declaration runs into the TDZ.
export const log = [];

/* @resumable */
export function* main() {
  for (const key of ["declare", "use", "tdz"]) {
    try {
      switch (key) {
        case "declare":
          let shared = yield "declaring";
          log.push(["declared", shared]);
          break;
        case "use":
          yield "before the TDZ write";
          shared = "assigned without declaration";
          log.push("unreachable");
          break;
        case "tdz":
          log.push("tdz case");
          yield typeof key;
      }
    } catch (e) {
      log.push(["caught", key, e.constructor.name]);
    }
  }
  return "end";
}

export const create = () => main();

