// 200 iterations through try/catch/finally: no leftover finally or catch state between iterations.
export const log = [];

/* @resumable */
export function* main() {
  let caught = 0;
  let cleaned = 0;
  for (let i = 0; i < 200; i++) {
    try {
      const sent = yield i;
      if (i % 50 === 49) throw new Error(`checkpoint ${i}`);
      if (sent === "stop") break;
    } catch (e) {
      caught++;
    } finally {
      cleaned++;
    }
  }
  log.push([caught, cleaned]);
  return cleaned;
}

export const create = () => main();
// The snapshot taken late in the loop must be no bigger than one taken early.
export const snapshotSizeStable = true;
