// Rest elements and rest properties: order, copies (not aliases), and own enumerable keys only.
export const log = [];

/* @resumable */
export function* main() {
  const source = yield "give me an object";
  const { keep, ...others } = source;
  const [head, ...tail] = yield "give me an array";
  const [, ...afterHole] = [1, 2, 3];
  const { ...copy } = Object.create({ inherited: true }, { own: { value: 1, enumerable: true } });
  log.push([keep, others, head, tail, afterHole, copy, others !== source]);
  return Object.keys(others);
}

export const create = () => main();
export const sends = [undefined, { keep: 1, b: 2, c: 3, 7: "seven" }, "a😀c"];
