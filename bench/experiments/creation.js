#!/usr/bin/env node
/**
 * Experiment, not part of `npm run bench`: the cost of creating a generator,
 * native against ours, with one generator type in use and with eight created
 * in turn (bench/sources/creation.js); then a short generator per item
 * (created and stepped twice) before and right after full GCs, which is when
 * V8 drops hidden classes that no live object holds (runtime/keep-hidden-class.ts).
 * Each figure is the median of 7 timed loops, in ns per generator. With a
 * commit, ours is that commit's plugin and runtime (bench/lib/build-version.js).
 *
 *   node bench/experiments/creation.js [8a641cf]
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

if (typeof globalThis.gc !== "function") {
  const run = spawnSync(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(run.status ?? 1);
}

const { pathToFileURL } = await import("node:url");
const { compileSources, importFlavours } = await import("../lib/compile.js");
const { buildVersion, importCompiledBy } = await import("../lib/build-version.js");
const { median } = await import("../lib/measure.js");
const { sourcesDir } = await import("../lib/paths.js");
const { do_not_optimize } = await import("mitata");

const commit = process.argv[2];
const source = join(sourcesDir, "creation.js");
const { native, ours } = commit
  ? { native: await import(pathToFileURL(source).href), ours: await importCompiledBy(buildVersion(commit), source) }
  : await importFlavours((await compileSources([source])).creation);

/** ns per iteration of `body(fn, i)` over `count` iterations, the functions of `names` in turn. */
function timeLoop(module, names, count, body) {
  const fns = names.map((name) => module[name]);
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) body(fns[i % fns.length], i);
  return Number(process.hrtime.bigint() - start) / count;
}

const create = (fn, i) => do_not_optimize(fn(i));
const createAndStep = (fn, i) => {
  const gen = fn(i);
  gen.next();
  do_not_optimize(gen.next());
};
const syncNames = (kinds) => Array.from({ length: kinds }, (_, i) => `g${i}`);
const asyncNames = (kinds) => Array.from({ length: kinds }, (_, i) => `a${i}`);

function measure(label, names, body) {
  const cells = [];
  for (const module of [native, ours]) {
    for (let i = 0; i < 5; i++) timeLoop(module, names, 100_000, body);
    cells.push(median(Array.from({ length: 7 }, () => timeLoop(module, names, 200_000, body))));
  }
  console.log(`| ${label} | ${cells[0].toFixed(1)} ns | ${cells[1].toFixed(1)} ns | ${(cells[1] / cells[0]).toFixed(2)}× |`);
}

console.log("| creating | native | ours | ours/native |\n|---|---:|---:|---:|");
measure("sync, 1 type", syncNames(1), create);
measure("sync, 8 types in turn", syncNames(8), create);
measure("async, 1 type", asyncNames(1), create);
measure("async, 8 types in turn", asyncNames(8), create);

// After three full GCs no frame of these classes is alive: the first 2,000 and the next 20,000 iterations.
console.log("\n| create + 2 steps, 8 types | native | ours |\n|---|---:|---:|");
const rows = { steady: [], first: [], next: [] };
for (const module of [native, ours]) {
  for (let i = 0; i < 5; i++) timeLoop(module, syncNames(8), 100_000, createAndStep);
  rows.steady.push(timeLoop(module, syncNames(8), 100_000, createAndStep));
  const first = [];
  const next = [];
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i < 3; i++) globalThis.gc();
    first.push(timeLoop(module, syncNames(8), 2_000, createAndStep));
    next.push(timeLoop(module, syncNames(8), 20_000, createAndStep));
  }
  rows.first.push(median(first));
  rows.next.push(median(next));
}
console.log(`| before the GCs | ${rows.steady[0].toFixed(1)} ns | ${rows.steady[1].toFixed(1)} ns |`);
console.log(`| first 2,000 after them (median of 4) | ${rows.first[0].toFixed(1)} ns | ${rows.first[1].toFixed(1)} ns |`);
console.log(`| next 20,000 (median of 4) | ${rows.next[0].toFixed(1)} ns | ${rows.next[1].toFixed(1)} ns |`);
