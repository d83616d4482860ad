// BigInt arithmetic and special numbers (NaN, -0, Infinity) held across yields.
export const log = [];

/* @resumable */
export function* main() {
  let big = 2n ** 64n;
  const nan = NaN;
  const negZero = -0;
  const inf = -Infinity;
  yield big;
  big += 1n;
  yield [nan, negZero, inf];
  log.push([Object.is(negZero, -0), Number.isNaN(nan), big.toString(), 1 / negZero]);
  yield big * -1n;
  return typeof big;
}

export const create = () => main();
