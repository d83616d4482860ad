// Closures used only before the first yield: nothing callable is needed after it.
export const log = [];

/* @resumable */
export function* main() {
  const double = (x) => x * 2;
  const values = [1, 2, 3].map(double);
  let total = 0;
  for (const v of values) {
    total += yield v;
  }
  log.push(total);
  return total;
}

export const create = () => main();
// double is dead after the map: a runtime that saves only live locals can
// snapshot this; one that saves every local must refuse.
export const snapshotRefusal = "allowed";
