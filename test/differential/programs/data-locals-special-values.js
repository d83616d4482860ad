// undefined vs missing properties, holes, NaN, -0, BigInt and long strings held across yields.
export const log = [];

/* @resumable */
export function* main() {
  const withUndefined = { present: undefined };
  const sparse = [1, , 3];
  sparse[10] = "far";
  const numbers = [NaN, -0, Infinity, -Infinity, 2 ** 53 + 2, 1e-7];
  const big = -(2n ** 100n);
  const text = "x".repeat(10000) + "😀";
  yield "held";
  log.push([
    "present" in withUndefined,
    "missing" in withUndefined,
    sparse.length,
    1 in sparse,
    Object.is(numbers[1], -0),
    Number.isNaN(numbers[0]),
    big.toString(),
    text.length,
    text.endsWith("😀"),
  ]);
  yield numbers;
  return sparse;
}

export const create = () => main();
