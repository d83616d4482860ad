// for-of over a Map with [key, value] destructuring; set during iteration is visited, delete is skipped.
export const log = [];

/* @resumable */
export function* main() {
  const map = new Map([["a", 1], ["b", 2], ["c", 3]]);
  for (const [key, value] of map) {
    const sent = yield `${key}:${value}`;
    if (key === "a") {
      map.delete("b");
      map.set("d", 4);
    }
    if (key === "c") map.set("a", 100);
    log.push([key, sent]);
  }
  return [...map];
}

export const create = () => main();
