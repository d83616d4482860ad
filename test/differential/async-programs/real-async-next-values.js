// A generator that receives values via next(value): an accumulator
// protocol with commands, awaiting sent promises and thenables.
export const log = [];

/* @resumable */
export async function* main() {
  let total = 0;
  let history = [];
  let cmd = yield "ready";
  while (cmd !== "end") {
    const v = await cmd;
    if (typeof v === "number") {
      total += v;
      history.push(v);
    } else if (v === "undo") {
      total -= history.pop() ?? 0;
    } else if (v && typeof v === "object") {
      total += await Promise.all(Object.values(v)).then((xs) => xs.reduce((a, b) => a + b, 0));
    }
    cmd = yield total;
    if (cmd === undefined) break;
  }
  return history;
}

export const create = () => main();
export const sends = [undefined, 5, 7, "undo", { a: 1, b: 2 }, 3, "end"];
