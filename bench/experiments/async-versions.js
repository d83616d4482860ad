#!/usr/bin/env node
/**
 * Experiment, not part of `npm run bench`: the async stepping cases of two
 * versions of this project side by side in one process (paired rounds), so a
 * change to the async driver can be judged without comparing runs made under
 * different load. Each version compiles bench/sources/async-stepping.js with
 * its own plugin, against its own runtime; every version runs the warm-up
 * types first, as the benchmark does.
 *
 *   node bench/experiments/async-versions.js HEAD~1 HEAD [asyncCounter|asyncAwaiting|asyncScaled|asyncGuarded]
 */
import { join } from "node:path";
import { do_not_optimize } from "mitata";

const { buildVersion, importCompiledBy } = await import("../lib/build-version.js");
const { sourcesDir } = await import("../lib/paths.js");
const { paired } = await import("../lib/measure.js");
const { asyncSteppingCases, drainAsync } = await import("../sections/async-stepping.js");

const [first, second, caseName] = process.argv.slice(2);
if (!first || !second) {
  console.error("usage: node bench/experiments/async-versions.js <commit> <commit> [case]");
  process.exit(2);
}

const sourceFile = join(sourcesDir, "async-stepping.js");
const load = async (version) => ({ sha: version.sha, module: await importCompiledBy(version, sourceFile) });

const versions = [await load(buildVersion(first)), await load(buildVersion(second))];
const cases = asyncSteppingCases(1000);
for (let round = 0; round < 30; round++) {
  for (const { module } of versions) {
    for (const name of Object.keys(module).filter((n) => n.startsWith("warmup"))) do_not_optimize(await drainAsync(module[name](200)));
    for (const c of Object.values(cases)) do_not_optimize(await drainAsync(c.make(module)));
  }
}
console.log("| case | " + versions.map((v) => v.sha).join(" | ") + " | ratio |\n|---|---:|---:|---:|");
for (const [key, c] of Object.entries(cases)) {
  if (caseName && key !== caseName) continue;
  const variants = Object.fromEntries(
    versions.map(({ sha, module }) => [sha, async () => do_not_optimize(await drainAsync(c.make(module)))]),
  );
  const figures = await paired(variants, { rounds: 9, minMs: 150, minSamples: 12, perCall: c.steps });
  const [a, b] = versions.map((v) => figures[v.sha]);
  const ratios = a.samples.map((x, i) => b.samples[i] / x).sort((x, y) => x - y);
  console.log(`| ${c.label} | ${a.median.toFixed(1)} ns | ${b.median.toFixed(1)} ns | ${ratios[ratios.length >> 1].toFixed(3)}× |`);
}
