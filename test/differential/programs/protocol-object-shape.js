// What ordinary code can see of a generator object and of next()'s results.
export const log = [];

/* @resumable */
export function* main() {
  yield "x";
}

export const create = () => {
  const gen = main();
  const result = gen.next();
  log.push([
    Object.prototype.toString.call(gen),
    String(gen),
    gen[Symbol.iterator]() === gen,
    typeof gen.next,
    typeof gen.return,
    typeof gen.throw,
    gen instanceof main,
    Object.getPrototypeOf(gen) === main.prototype,
    Object.keys(gen),
    JSON.stringify(gen),
    Object.keys(result),
    JSON.stringify(result),
    Object.getPrototypeOf(result) === Object.prototype,
    gen.next === main().next,
    gen[Symbol.toStringTag],
  ]);
  return main();
};

// Known difference (README): a compiled generator object has its frame fields as own properties
// (Object.keys; JSON.stringify alone is checked in protocol-generator-printed.js).
export const knownDifference = "frame fields are own properties";
