// Pushing onto the array inside for-of extends the iteration.
export const log = [];

/* @resumable */
export function* main() {
  const queue = [1];
  for (const n of queue) {
    yield n;
    if (n < 5) queue.push(n + 1, n + 10);
    if (queue.length > 12) break;
  }
  log.push(queue);
  return queue.length;
}

export const create = () => main();
