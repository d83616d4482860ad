#!/usr/bin/env node
/**
 * Experiment, not part of `npm run bench`: what reading a method before the
 * arguments that yield costs (`items.push(yield i)` in a loop, the method
 * held in a temporary, runtime/held-method.ts;
 * bench/sources/held-method.js). Native, this checkout's build, and the
 * build of a commit that read the method after the yield (0f0de3a, before
 * runtime/held-method.ts), side by side: ns per step, medians of paired
 * rounds, and the ratios (medians of per-round ratios).
 *
 *   node bench/experiments/held-method.js [commit]
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

if (typeof globalThis.gc !== "function") {
  const run = spawnSync(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(run.status ?? 1);
}

const { compileSources, importFlavours } = await import("../lib/compile.js");
const { buildVersion, importCompiledBy } = await import("../lib/build-version.js");
const { median, paired } = await import("../lib/measure.js");
const { sourcesDir } = await import("../lib/paths.js");

const commit = process.argv[2] ?? "0f0de3a";
const source = join(sourcesDir, "held-method.js");
const { native, ours } = await importFlavours((await compileSources([source]))["held-method"]);
const before = await importCompiledBy(buildVersion(commit), source);
const STEPS = 10_000;
const drive = (module) => () => {
  const gen = module.pusher(STEPS);
  let result = gen.next();
  while (!result.done) result = gen.next(result.value);
  return result;
};
const figures = await paired(
  { native: drive(native), ours: drive(ours), [commit]: drive(before) },
  { rounds: 9, minMs: 50, minSamples: 10 },
);
const ratio = (a, b) => median(figures[a].samples.map((sample, i) => sample / figures[b].samples[i])).toFixed(2);
const perStep = (name) => `${(figures[name].median / STEPS).toFixed(1)} ns`;
console.log(`| native | ours | ${commit} | ours/native | ${commit}/native | ours/${commit} |`);
console.log(`|---:|---:|---:|---:|---:|---:|`);
console.log(
  `| ${perStep("native")} | ${perStep("ours")} | ${perStep(commit)} | ${ratio("ours", "native")}× | ${ratio(commit, "native")}× | ${ratio("ours", commit)}× |`,
);
