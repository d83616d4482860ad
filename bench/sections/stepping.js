/**
 * 1. Stepping: nanoseconds per next(), native vs ours vs regenerator, after
 * every flavour has run the warm-up generator types (bench/sources/warmup.js)
 * through the same driver, so the shared call sites are megamorphic as in a
 * real program.
 */
import { do_not_optimize } from "mitata";
import { paired, ratio } from "../lib/measure.js";

export const FLAVOURS = ["native", "ours", "regen"];

/** The one driver every generator goes through. */
export function drain(gen) {
  let last;
  for (let step = gen.next(); !step.done; step = gen.next()) last = step.value;
  return last;
}

export function benchText(lineCount) {
  return Array.from({ length: lineCount }, (_, i) => `${i % 7 === 0 ? "#" : ""}line ${i} ${"x".repeat(i % 23)}`);
}

/** The cases: each returns a fresh generator and says how many next() calls draining it takes. */
export function steppingCases(scale) {
  const values = Array.from({ length: scale }, (_, i) => i);
  const text = benchText(1000);
  const passes = Math.max(1, Math.round((scale * 4) / text.length));
  const pipelineItems = Math.ceil((text.length * passes) / 4);
  return {
    counter: { label: "(a) counter loop", steps: scale + 1, make: (m) => m.counter(scale) },
    pipeline: { label: "(b) pipeline lines→windows→batches", steps: pipelineItems + 1, make: (m) => m.batches(text, passes, 4) },
    tryFinally: { label: "(c) try/finally around yield", steps: scale + 1, make: (m) => m.guarded(scale) },
    forOfArray: { label: "(d) for…of over an array", steps: scale + 1, make: (m) => m.doubled(values) },
    perItem: { label: "(e) a generator per item (yield*)", steps: 2 * scale + 1, make: (m) => m.eachSigned(values) },
  };
}

export function warmUp(flavours, warmupModules, cases, { rounds }) {
  for (let round = 0; round < rounds; round++) {
    for (const flavour of FLAVOURS) {
      const module = warmupModules[flavour];
      for (const name of Object.keys(module)) do_not_optimize(drain(module[name](200)));
      for (const c of Object.values(cases)) do_not_optimize(drain(c.make(flavours[flavour])));
    }
  }
}

export async function runStepping({ flavours, warmupModules, quick, log }) {
  const scale = 2000;
  const cases = steppingCases(scale);
  log(`  warming up ${Object.keys(warmupModules.native).length + Object.keys(cases).length} generator types × 3 flavours`);
  warmUp(flavours, warmupModules, cases, { rounds: quick ? 20 : 60 });
  return measureCases(cases, (c, flavour) => () => do_not_optimize(drain(c.make(flavours[flavour]))), { quick, log });
}

/**
 * Each case in paired rounds over the three flavours (`variant(c, flavour)`
 * makes the function one sample calls), ns per next() and the ratios; shared
 * with the async stepping section.
 */
export async function measureCases(cases, variant, { quick, log }) {
  const results = {};
  for (const [key, c] of Object.entries(cases)) {
    const variants = Object.fromEntries(FLAVOURS.map((flavour) => [flavour, variant(c, flavour)]));
    const figures = await paired(variants, { rounds: quick ? 3 : 9, minMs: quick ? 40 : 150, minSamples: 12, perCall: c.steps });
    results[key] = {
      label: c.label,
      stepsPerSample: c.steps,
      nsPerNext: figures,
      ratios: {
        oursToNative: ratio(figures.ours, figures.native),
        oursToRegen: ratio(figures.ours, figures.regen),
        regenToNative: ratio(figures.regen, figures.native),
      },
    };
    log(
      `  ${c.label}: native ${figures.native.median.toFixed(1)} ns, ours ${figures.ours.median.toFixed(1)} ns, regenerator ${figures.regen.median.toFixed(1)} ns`,
    );
  }
  return results;
}
