#!/usr/bin/env node
/**
 * Experiment, not part of `npm run bench`: what the pipeline case (b) costs
 * when its one yield-free loop — `for (const line of window) width += line.length;`
 * inside `batches` — is not turned into state-machine code. The variant moves
 * that loop into a plain helper function (so the compiler leaves it native);
 * both versions are compiled and measured exactly as `bench/run.js` does.
 *
 *   node bench/experiments/yield-free-loop.js [--quick]
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

if (typeof globalThis.gc !== "function") {
  const run = spawnSync(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(run.status ?? 1);
}
const quick = process.argv.includes("--quick");
const variant = process.argv.find((a) => a.startsWith("--variant="))?.slice("--variant=".length);
const { projectRoot, sourcesDir } = await import("../lib/paths.js");

if (!variant) {
  console.log("| pipeline (b) | native | ours | regenerator | ours/native | ours/regen |\n|---|---:|---:|---:|---:|---:|");
  for (const v of ["as-written", "loop-in-helper"]) {
    const run = spawnSync(
      process.execPath,
      ["--expose-gc", fileURLToPath(import.meta.url), `--variant=${v}`, ...(quick ? ["--quick"] : [])],
      {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    if (run.status !== 0) process.exit(run.status ?? 1);
    console.log(run.stdout.trim());
  }
  process.exit(0);
}

const { compileSources, importFlavours } = await import("../lib/compile.js");
const { checkFlavoursAgree } = await import("../lib/check.js");
const { runStepping } = await import("../sections/stepping.js");
let file = join(sourcesDir, "stepping.js");
if (variant === "loop-in-helper") {
  const source = readFileSync(file, "utf8");
  const loop = "    let width = 0;\n    for (const line of window) width += line.length;";
  if (!source.includes(loop)) throw new Error("bench/sources/stepping.js changed: update this experiment");
  const dir = join(projectRoot, ".cache", "bench", "experiment-sources");
  mkdirSync(dir, { recursive: true });
  file = join(dir, "stepping.js");
  writeFileSync(
    file,
    source.replace(loop, "    const width = widthOf(window);") +
      "\nfunction widthOf(window) {\n  let width = 0;\n  for (const line of window) width += line.length;\n  return width;\n}\n",
  );
}
const urls = await compileSources([file, join(sourcesDir, "warmup.js")]);
const flavours = await importFlavours(urls.stepping);
const warmupModules = await importFlavours(urls.warmup);
checkFlavoursAgree(flavours, warmupModules);
const { pipeline: p } = await runStepping({ flavours, warmupModules, quick, log: () => {} });
const f = p.nsPerNext;
console.log(
  `| ${variant} | ${f.native.median.toFixed(1)} ns | ${f.ours.median.toFixed(1)} ns | ${f.regen.median.toFixed(1)} ns | ${p.ratios.oursToNative.median.toFixed(2)}× | ${p.ratios.oursToRegen.median.toFixed(2)}× |`,
);
