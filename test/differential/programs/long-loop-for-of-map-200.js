// for-of over a Map of 200 entries.
export const log = [];

/* @resumable */
export function* main() {
  const map = new Map();
  for (let i = 0; i < 200; i++) map.set(`key${i}`, i);
  let sum = 0;
  for (const [key, value] of map) {
    sum += value;
    yield key;
  }
  log.push(sum);
  return sum;
}

export const create = () => main();
// The snapshot taken late in the loop must be no bigger than one taken early.
export const snapshotSizeStable = true;
