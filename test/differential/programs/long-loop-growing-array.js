// A loop that legitimately grows an array of 200 elements, kept across all yields.
export const log = [];

/* @resumable */
export function* main() {
  const items = [];
  while (items.length < 200) {
    items.push(items.length * 2);
    yield items.length;
  }
  log.push(items.slice(-3));
  return items.reduce((a, b) => a + b, 0);
}

export const create = () => main();
