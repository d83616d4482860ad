// A long-running metrics stream: a rolling window (ring buffer array) over 240 generated
// readings, a Map of value counts whose stale keys are deleted, and a Set of active alerts;
// the saved state must not grow with progress.
export const log = [];

/* @resumable */
function* readings(n, seed) {
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 48271) % 2147483647;
    yield { t: i, v: s % 20 };
  }
}

/* @resumable */
export function* main(n, window) {
  const ring = new Array(window).fill(null);
  const counts = new Map();
  const alerts = new Set();
  let sum = 0;
  let seen = 0;
  for (const { t, v } of readings(n, 12345)) {
    const old = ring[t % window];
    if (old !== null) {
      sum -= old;
      const c = counts.get(old) - 1;
      if (c === 0) counts.delete(old);
      else counts.set(old, c);
    }
    ring[t % window] = v;
    sum += v;
    counts.set(v, (counts.get(v) ?? 0) + 1);
    seen++;
    const avg = sum / Math.min(seen, window);
    if (avg > 11) alerts.add("high");
    else alerts.delete("high");
    if (counts.size < 4) alerts.add("flat");
    else alerts.delete("flat");
    yield `${t}:${avg.toFixed(2)}:${[...alerts].join("+")}`;
  }
  log.push(sum, counts.size);
  return seen;
}

export const create = () => main(240, 8);
export const snapshotSizeStable = true;
