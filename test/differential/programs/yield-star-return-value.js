// The value of a yield* expression is the delegate's return value, usable in larger expressions.
export const log = [];

/* @resumable */
function* compute(n) {
  const extra = yield `compute ${n}`;
  return n * 10 + (typeof extra === "number" ? extra : 0);
}

/* @resumable */
function* noReturn() {
  yield "no return statement";
}

/* @resumable */
export function* main() {
  const total = (yield* compute(1)) + (yield* compute(2));
  const missing = yield* noReturn();
  const nested = [yield* compute(3), yield* [7]];
  log.push([total, missing, nested]);
  return total;
}

export const create = () => main();
