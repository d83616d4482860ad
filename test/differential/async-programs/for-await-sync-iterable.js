// `for await` over arrays, strings, Sets and Maps (sync iterables): each
// value is awaited, promises in the array included.
export const log = [];

/* @resumable */
export async function* main() {
  for await (const v of [1, Promise.resolve(2), 3]) {
    log.push(`v=${v}`);
    yield v;
  }
  let s = "";
  for await (const ch of "ab") {
    s += ch;
    yield ch;
  }
  for await (const [k, v] of new Map([
    ["x", 1],
    ["y", 2],
  ])) {
    yield `${k}${v}`;
  }
  const set = new Set([10, 20]);
  for await (const v of set) {
    if (v === 10) set.add(30);
    yield v;
  }
  return s;
}

export const create = () => main();
// The first loop holds an array with a promise in it: no snapshot inside that loop.
export const snapshotRefusal = [1, 2, 3];
