#!/usr/bin/env node
/**
 * Experiment, not part of `npm run bench`: the sync stepping cases of two
 * versions of this project side by side in one process (paired rounds), so a
 * change to the compiled `next()` or the frame can be judged without
 * comparing runs made under different load. Each version compiles
 * bench/sources/stepping.js and bench/sources/warmup.js with its own plugin,
 * against its own runtime; every version runs the warm-up types first, as
 * the benchmark does, so shared call sites are megamorphic.
 *
 *   node bench/experiments/stepping-versions.js HEAD~1 HEAD [counter|pipeline|tryFinally|forOfArray|perItem]
 */
import { join } from "node:path";
import { do_not_optimize } from "mitata";

const { buildVersion, importCompiledBy } = await import("../lib/build-version.js");
const { sourcesDir } = await import("../lib/paths.js");
const { paired } = await import("../lib/measure.js");
const { drain, steppingCases } = await import("../sections/stepping.js");

const [first, second, caseName] = process.argv.slice(2);
if (!first || !second) {
  console.error("usage: node bench/experiments/stepping-versions.js <commit> <commit> [case]");
  process.exit(2);
}

const load = async (version) => ({
  sha: version.sha,
  module: await importCompiledBy(version, join(sourcesDir, "stepping.js")),
  warmup: await importCompiledBy(version, join(sourcesDir, "warmup.js")),
});

const versions = [await load(buildVersion(first)), await load(buildVersion(second))];
const cases = steppingCases(2000);
for (let round = 0; round < 40; round++) {
  for (const { module, warmup } of versions) {
    for (const name of Object.keys(warmup)) do_not_optimize(drain(warmup[name](200)));
    for (const c of Object.values(cases)) do_not_optimize(drain(c.make(module)));
  }
}
console.log("| case | " + versions.map((v) => v.sha).join(" | ") + " | ratio |\n|---|---:|---:|---:|");
for (const [key, c] of Object.entries(cases)) {
  if (caseName && key !== caseName) continue;
  const variants = Object.fromEntries(versions.map(({ sha, module }) => [sha, () => do_not_optimize(drain(c.make(module)))]));
  const figures = await paired(variants, { rounds: 9, minMs: 150, minSamples: 12, perCall: c.steps });
  const [a, b] = versions.map((v) => figures[v.sha]);
  const ratios = a.samples.map((x, i) => b.samples[i] / x).sort((x, y) => x - y);
  console.log(`| ${c.label} | ${a.median.toFixed(1)} ns | ${b.median.toFixed(1)} ns | ${ratios[ratios.length >> 1].toFixed(3)}× |`);
}
