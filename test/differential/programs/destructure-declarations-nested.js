// Nested object/array destructuring in declarations, with defaults that yield only when needed.
export const log = [];

/* @resumable */
export function* main() {
  const source = { a: 1, b: { c: undefined, d: [10, , 30] }, e: null };
  const {
    a,
    b: {
      c = yield "default for c",
      d: [d0, d1 = yield "default for d1", d2 = yield "never: d2 present"],
    },
    e = yield "never: e is null, not undefined",
    missing: { deep } = { deep: yield "default for missing" },
  } = source;
  log.push([a, c, d0, d1, d2, e, deep]);
  return [a, c, d0, d1, d2, e, deep];
}

export const create = () => main();
export const snapshotRefusal = "allowed"; // suspends inside array patterns (an array iterator is live)
