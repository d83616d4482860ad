#!/usr/bin/env node
/**
 * Experiment, not part of `npm run bench`: the compile benchmark's module
 * (bench/lib/compile-input.js, 2,002 lines, 50 generators) compiled by the
 * plugin of two commits side by side in one process, with regenerator beside
 * them as the benchmark's baseline: paired rounds in a rotating order, each
 * ratio the median of per-round ratios. Also prints each version's output
 * size, and whether the outputs are byte-identical.
 *
 *   node bench/experiments/compile-versions.js e823c0a HEAD [rounds]
 *   node bench/experiments/compile-versions.js HEAD dist [rounds]
 *   node bench/experiments/compile-versions.js .cache/copy-of-dist dist [rounds]
 *   node bench/experiments/compile-versions.js 8a641cf HEAD 25 --unannotated   (against Babel alone)
 *
 * Each commit is built by bench/lib/build-version.js ("HEAD" works too);
 * "dist" is this checkout's build, uncommitted changes included; a
 * directory is a copy of some build (what `dist/` held before a change),
 * inside the project so that its imports of Babel packages resolve.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// A GC before each timed compile, as the benchmark does.
if (typeof globalThis.gc !== "function") {
  const run = spawnSync(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(run.status ?? 1);
}

const { projectRoot } = await import("../lib/paths.js");
const { buildVersion } = await import("../lib/build-version.js");
const { median, pairedOnce } = await import("../lib/measure.js");
const { babel, regeneratorPlugins } = await import("../lib/compile.js");
const { compileInput } = await import("../lib/compile-input.js");

const args = process.argv.slice(2);
const rounds = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 15);
// The module without annotations, against Babel alone: what the plugin's early bail-out costs.
const unannotated = args.includes("--unannotated");
const commits = args.filter((arg) => !/^\d+$/.test(arg) && arg !== "--unannotated");
if (commits.length !== 2) {
  console.error("usage: node bench/experiments/compile-versions.js <commit> <commit> [rounds] [--unannotated]");
  process.exit(2);
}

const code = compileInput({ annotate: !unannotated });
const base = {
  babelrc: false,
  configFile: false,
  root: projectRoot,
  filename: join(projectRoot, "bench", "generated", "compile-input.js"),
  sourceType: "module",
};
const baseline = unannotated ? "babel alone" : "regenerator";
const configs = { [baseline]: unannotated ? [] : regeneratorPlugins };
const outputs = {};
const versions = commits.map((commit) =>
  commit === "dist"
    ? { sha: "dist", dist: join(projectRoot, "dist") }
    : existsSync(commit)
      ? { sha: commit, dist: commit }
      : buildVersion(commit),
);
if (versions[0].sha === versions[1].sha) {
  console.error(`both arguments are ${versions[0].sha}: give two different commits (or "dist" for the current build)`);
  process.exit(2);
}
for (const { sha, dist } of versions) {
  const plugin = (await import(pathToFileURL(join(dist, "babel-plugin", "index.js")).href)).default;
  configs[sha] = [plugin];
  outputs[sha] = babel.transformSync(code, { ...base, plugins: [plugin] }).code;
}
const [first, second] = Object.keys(outputs);
for (const [sha, output] of Object.entries(outputs)) console.log(`${sha}: output ${(output.length / 1024).toFixed(0)} KB`);
console.log(`outputs ${outputs[first] === outputs[second] ? "byte-identical" : "differ"}\n`);

const variants = Object.fromEntries(
  Object.entries(configs).map(([name, plugins]) => [name, () => babel.transformSync(code, { ...base, plugins })]),
);
const figures = pairedOnce(variants, { rounds, warmup: 3 });
const perRound = (a, b) => median(figures[a].samples.map((sample, i) => sample / figures[b].samples[i]));
console.log(`| variant | median | /${baseline} |\n|---|---:|---:|`);
for (const name of Object.keys(configs)) {
  console.log(`| ${name} | ${(figures[name].median / 1e6).toFixed(1)} ms | ${perRound(name, baseline).toFixed(3)}× |`);
}
console.log(`\n${second}/${first}: ${perRound(second, first).toFixed(3)}× (median of ${rounds} per-round ratios)`);
