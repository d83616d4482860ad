// A key deleted and set again during Map iteration moves to the end and is visited again.
export const log = [];

/* @resumable */
export function* main() {
  const map = new Map([[1, "one"], [2, "two"], [3, "three"]]);
  let laps = 0;
  for (const [key] of map) {
    yield key;
    if (key === 1 && laps === 0) {
      map.delete(1);
      map.set(1, "again");
    }
    laps++;
  }
  return laps;
}

export const create = () => main();
