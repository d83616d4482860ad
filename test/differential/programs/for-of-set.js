// for-of over a Set: added values are visited, deleted ones are not, re-added ones come back.
export const log = [];

/* @resumable */
export function* main() {
  const set = new Set(["x", "y", "z"]);
  for (const value of set) {
    yield value;
    if (value === "x") {
      set.delete("y");
      set.add("w");
    }
    if (value === "w") {
      set.delete("x");
      set.add("x");
    }
  }
  return [...set];
}

export const create = () => main();
