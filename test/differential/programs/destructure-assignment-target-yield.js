// Yields in the targets of a destructuring assignment (keys of member targets).
export const log = [];

/* @resumable */
export function* main() {
  const store = {};
  ({ a: store[yield "target key for a"], b: store[yield "target key for b"] } = { a: 1, b: 2 });
  log.push(store);
  return store;
}

export const create = () => main();
export const sends = [undefined, "first", "second"];
