// yield* over the keys(), values() and entries() of a Map, a Set, an array and a typed array, and a for…of over a
// typed array's entries(): each can be saved mid-way (they were refused as opaque iterators), and a collection
// changed while it is being delegated to is walked live, as natively.
export const log = [];

/* @resumable */
export function* main() {
  const map = new Map([
    ["a", 1],
    ["b", 2],
  ]);
  const set = new Set(["x", "y"]);
  const list = ["p", "q"];
  const bytes = Uint8Array.of(7, 8, 9);
  yield* map.keys();
  yield* map.values();
  map.set("c", 3);
  yield* map.entries();
  for (const value of set.values()) {
    if (value === "x") set.add("z");
    yield value;
  }
  yield* set.entries();
  yield* list.entries();
  yield* bytes.keys();
  yield* bytes.values();
  for (const [index, byte] of bytes.entries()) yield index * byte;
  return "end";
}

export const create = () => main();
