// Writing ahead of the cursor changes what for-of sees; holes read as undefined.
export const log = [];

/* @resumable */
export function* main() {
  const items = [1, 2, , 4];
  let index = 0;
  for (const n of items) {
    yield n;
    if (index + 1 < items.length) items[index + 1] = `changed ${index + 1}`;
    index++;
  }
  return items;
}

export const create = () => main();
