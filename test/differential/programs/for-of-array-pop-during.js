// Popping and shifting inside for-of ends the iteration early.
export const log = [];

/* @resumable */
export function* main() {
  const items = [1, 2, 3, 4, 5, 6, 7];
  for (const n of items) {
    yield n;
    items.pop();
  }
  log.push(items.slice());
  const more = ["a", "b", "c", "d"];
  for (const s of more) {
    more.shift();
    yield s;
  }
  return [items, more];
}

export const create = () => main();
