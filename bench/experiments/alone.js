#!/usr/bin/env node
/**
 * Experiment, not part of `npm run bench`: each stepping case of each flavour
 * in a process of its own, with no other generator type ever run (the
 * monomorphic best case). Compare with bench/run.js, where every flavour has
 * run 16 generator types first: the difference is what megamorphic call sites
 * cost each implementation.
 *
 *   node bench/experiments/alone.js
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const [mode, flavour, caseName] = process.argv.slice(2);
if (mode !== "--child") {
  const { compileSources } = await import("../lib/compile.js");
  const { sourcesDir } = await import("../lib/paths.js");
  const urls = await compileSources([join(sourcesDir, "stepping.js")]);
  console.log("| case | native | ours | regenerator |\n|---|---:|---:|---:|");
  for (const c of ["counter", "pipeline", "tryFinally", "forOfArray", "perItem"]) {
    const cells = [];
    for (const f of ["native", "ours", "regen"]) {
      const run = spawnSync(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url), "--child", urls.stepping[f], c], {
        encoding: "utf8",
      });
      if (run.status !== 0) throw new Error(run.stderr);
      cells.push(`${Number(run.stdout).toFixed(1)} ns`);
    }
    console.log(`| ${c} | ${cells.join(" | ")} |`);
  }
} else {
  const { drain, steppingCases } = await import("../sections/stepping.js");
  const { sample } = await import("../lib/measure.js");
  const module = await import(flavour);
  const c = steppingCases(2000)[caseName];
  const ns = await sample(() => drain(c.make(module)), { minMs: 300, perCall: c.steps });
  process.stdout.write(String(ns));
}
