// The branch not taken by ?: never yields.
export const log = [];

/* @resumable */
export function* main() {
  const results = [];
  for (const flag of [true, false, 0, "x"]) {
    results.push(flag ? yield `then ${flag}` : yield `else ${flag}`);
  }
  const nested = (yield "cond") ? ((yield "inner cond") ? "tt" : "tf") : "f";
  log.push(results, nested);
  return nested;
}

export const create = () => main();
export const sends = [undefined, 1, 2, 3, 4, 0, 9];
