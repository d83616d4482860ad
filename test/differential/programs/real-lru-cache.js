// An LRU cache simulation: a Map used in insertion order as the recency list, hit/miss
// stats in a null-prototype object, keys requested through next(value).
export const log = [];

/* @resumable */
export function* main(capacity) {
  const cache = new Map();
  const stats = Object.create(null);
  stats.hits = 0;
  stats.misses = 0;
  stats.evictions = 0;
  let key = yield "ready";
  for (let n = 0; n < 20 && key != null; n++) {
    if (cache.has(key)) {
      const value = cache.get(key);
      cache.delete(key);
      cache.set(key, value);
      stats.hits++;
      key = yield { hit: key, value };
    } else {
      stats.misses++;
      if (cache.size >= capacity) {
        const [oldest] = cache.keys();
        cache.delete(oldest);
        stats.evictions++;
      }
      cache.set(key, `v(${String(key)})`);
      key = yield { miss: key, order: [...cache.keys()] };
    }
  }
  log.push({ ...stats }, [...cache]);
  return stats;
}

export const create = () => main(3);
export const sends = [undefined, "a", "b", "a", "c", "d", "b", "a", 1, 1, "c", null];
