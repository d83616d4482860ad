// Object patterns with computed keys that yield, and string/number keys.
export const log = [];

/* @resumable */
export function* main() {
  const source = { alpha: 1, beta: 2, 3: "three", "with space": "spaced" };
  const { [yield "which key"]: picked, 3: three, "with space": spaced } = source;
  let other;
  ({ [yield "which key again"]: other } = source);
  log.push([picked, three, spaced, other]);
  return picked;
}

export const create = () => main();
export const sends = [undefined, "alpha", "beta"];
