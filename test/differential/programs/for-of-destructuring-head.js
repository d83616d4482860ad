// for-of heads with nested destructuring and defaults that yield.
export const log = [];

/* @resumable */
export function* main() {
  const rows = [
    { id: 1, tags: ["x", "y"] },
    { id: 2, tags: [] },
    { id: 3, tags: [undefined, "z"] },
  ];
  const out = [];
  for (const { id, tags: [first = yield `default for ${id}`, ...rest] } of rows) {
    out.push([id, first, rest]);
    yield id;
  }
  let a, b;
  for ([a, b = yield "b default"] of [[1], [2, 3]]) {
    out.push([a, b]);
  }
  log.push(out);
  return out.length;
}

export const create = () => main();
// A yield inside a pattern suspends in the middle of destructuring (an inner array iterator is live).
export const snapshotRefusal = "allowed";
