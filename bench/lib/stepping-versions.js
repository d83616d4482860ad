/**
 * What bench/experiments/stepping-versions.js (sync) and async-versions.js
 * share: two commits, each compiling the stepping sources with its own
 * plugin against its own runtime, warmed up alike, then each case in paired
 * rounds in this process; prints a table of medians and the median of the
 * per-round ratios (the second commit's time over the first's).
 */
import { join } from "node:path";
import { buildVersion, importCompiledBy } from "./build-version.js";
import { paired } from "./measure.js";
import { sourcesDir } from "./paths.js";

/**
 * @param script the experiment's file name, for the usage line
 * @param sources the source files each commit compiles, by the name `warmUp` and `measure` see them under
 * @param cases the stepping cases (steppingCases or asyncSteppingCases)
 * @param warmupRounds rounds of `warmUp` over both commits before anything is measured
 * @param warmUp one round for one commit's modules (awaited)
 * @param measure the function one sample calls for a case on one commit's modules
 */
export async function compareSteppingVersions({ script, sources, cases, warmupRounds, warmUp, measure }) {
  const [first, second, caseName] = process.argv.slice(2);
  if (!first || !second) {
    console.error(`usage: node bench/experiments/${script} <commit> <commit> [case]`);
    process.exit(2);
  }
  const load = async (version) => {
    const modules = {};
    for (const [name, file] of Object.entries(sources)) modules[name] = await importCompiledBy(version, join(sourcesDir, file));
    return { sha: version.sha, modules };
  };
  const versions = [await load(buildVersion(first)), await load(buildVersion(second))];
  for (let round = 0; round < warmupRounds; round++) {
    for (const { modules } of versions) await warmUp(modules);
  }
  console.log("| case | " + versions.map((v) => v.sha).join(" | ") + " | ratio |\n|---|---:|---:|---:|");
  for (const [key, c] of Object.entries(cases)) {
    if (caseName && key !== caseName) continue;
    const variants = Object.fromEntries(versions.map(({ sha, modules }) => [sha, measure(c, modules)]));
    const figures = await paired(variants, { rounds: 9, minMs: 150, minSamples: 12, perCall: c.steps });
    const [a, b] = versions.map((v) => figures[v.sha]);
    const ratios = a.samples.map((x, i) => b.samples[i] / x).sort((x, y) => x - y);
    console.log(`| ${c.label} | ${a.median.toFixed(1)} ns | ${b.median.toFixed(1)} ns | ${ratios[ratios.length >> 1].toFixed(3)}× |`);
  }
}
