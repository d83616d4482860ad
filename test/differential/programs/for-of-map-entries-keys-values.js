// for-of over map.entries(), map.keys(), map.values(), set.entries().
export const log = [];

/* @resumable */
export function* main() {
  const map = new Map([["k1", "v1"], ["k2", "v2"]]);
  for (const entry of map.entries()) yield entry;
  for (const key of map.keys()) yield key;
  for (const value of map.values()) {
    yield value;
    if (value === "v1") map.set("k3", "v3");
  }
  for (const pair of new Set([7, 8]).entries()) yield pair;
  for (const [i, v] of ["p", "q"].entries()) yield [i, v];
  return map.size;
}

export const create = () => main();
// The iterators here come from .entries()/.keys()/.values(), not from the
// collection itself: a runtime may or may not know how to save them.
export const snapshotRefusal = "allowed";
