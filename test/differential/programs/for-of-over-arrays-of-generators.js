// Nested for-of: over an array, and for each element over a resumable generator.
export const log = [];

/* @resumable */
function* repeat(value, times) {
  for (let i = 0; i < times; i++) yield `${value}#${i}`;
  return times;
}

/* @resumable */
export function* main() {
  const results = [];
  for (const [value, times] of [["a", 2], ["b", 0], ["c", 3]]) {
    for (const item of repeat(value, times)) {
      results.push(item);
      yield item;
    }
  }
  return results;
}

export const create = () => main();
