/**
 * Timing: mitata's `measure` takes the samples of one function (its p50 is
 * the figure); `paired` runs several functions side by side in rounds, in a
 * rotating order, so each round gives one sample per function taken under the
 * same conditions, and ratios are computed per round before taking their median.
 */
import { measure } from "mitata";

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The p50 of one function in nanoseconds per call, divided by `perCall`. */
export async function sample(fn, { minMs = 100, minSamples = 12, perCall = 1 } = {}) {
  const stats = await measure(fn, {
    min_cpu_time: minMs * 1e6,
    min_samples: minSamples,
    // One call per sample: the functions here already loop over many operations.
    batch_threshold: 0,
    warmup_samples: 2,
  });
  return stats.p50 / perCall;
}

/**
 * `variants`: { name: () => unknown }. Returns { name: { median, samples } }
 * with per-round figures in nanoseconds per operation.
 */
export async function paired(variants, { rounds, minMs, minSamples, perCall = 1 }) {
  const names = Object.keys(variants);
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length];
      samples[name].push(await sample(variants[name], { minMs, minSamples, perCall }));
    }
  }
  return Object.fromEntries(names.map((name) => [name, { median: median(samples[name]), samples: samples[name] }]));
}

/** The median over rounds of a[i] / b[i]. */
export function ratio(a, b) {
  const per = a.samples.map((value, i) => value / b.samples[i]);
  return { median: median(per), samples: per };
}

/** Wall time of one call in nanoseconds (for operations too slow to repeat many times). */
export function timeOnce(fn) {
  const start = process.hrtime.bigint();
  const result = fn();
  return { ns: Number(process.hrtime.bigint() - start), result };
}

/**
 * Like `paired`, for operations of a second or so: after `warmup` untimed
 * calls of each, every round times one call of each (after a GC), in a
 * rotating order.
 */
export function pairedOnce(variants, { rounds, warmup = 1 }) {
  const names = Object.keys(variants);
  for (let i = 0; i < warmup; i++) for (const name of names) variants[name]();
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length];
      globalThis.gc?.();
      samples[name].push(timeOnce(variants[name]).ns);
    }
  }
  return Object.fromEntries(names.map((name) => [name, { median: median(samples[name]), samples: samples[name] }]));
}
