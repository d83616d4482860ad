#!/usr/bin/env node
/**
 * Experiment, not part of `npm run bench`: how much the codec's small-frame
 * figures depend on the full GC that mitata forces before each measurement
 * when the process has `gc` exposed (bench/run.js runs with --expose-gc, for
 * the memory section and the one-call samples of the large inputs). Each
 * codec runs alone in a fresh process, three ways: without --expose-gc (no
 * forced GC), with it (mitata's default), and with it plus V8's
 * --no-concurrent-marking. Medians of 7 rounds of mitata's p50.
 *
 *   node bench/experiments/forced-gc.js [processes per cell, default 3]
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const [mode, codec] = process.argv.slice(2);
if (mode !== "--child") {
  const { median } = await import("../lib/measure.js");
  const perCell = Number(process.argv[2] ?? 3);
  const settings = {
    "no forced GC": [],
    "forced GC (--expose-gc)": ["--expose-gc"],
    "forced GC, --no-concurrent-marking": ["--expose-gc", "--no-concurrent-marking"],
  };
  const codecs = ["oursText", "oursBinary", "v8", "devalue"];
  const rows = {};
  for (const [setting, flags] of Object.entries(settings)) {
    rows[setting] = {};
    for (const name of codecs) {
      const runs = [];
      for (let i = 0; i < perCell; i++) {
        const run = spawnSync(process.execPath, [...flags, fileURLToPath(import.meta.url), "--child", name], { encoding: "utf8" });
        if (run.status !== 0) throw new Error(run.stderr);
        runs.push(Number(run.stdout));
      }
      rows[setting][name] = median(runs);
    }
  }
  const us = (ns) => `${(ns / 1e3).toFixed(1)} µs`;
  console.log("| setting | ours text | ours binary | node:v8 | devalue | text/v8 | text/devalue |\n|---|---:|---:|---:|---:|---:|---:|");
  for (const [setting, r] of Object.entries(rows)) {
    console.log(
      `| ${setting} | ${us(r.oursText)} | ${us(r.oursBinary)} | ${us(r.v8)} | ${us(r.devalue)} | ${(r.oursText / r.v8).toFixed(2)}× | ${(r.oursText / r.devalue).toFixed(2)}× |`,
    );
  }
} else {
  const { do_not_optimize } = await import("mitata");
  const { codecInputs, codecs } = await import("../sections/codec.js");
  const { paired } = await import("../lib/measure.js");
  // The same inputs as the benchmark's (the large ones too: they set the heap the measurement runs in).
  const value = codecInputs(false).smallFrame.value;
  const fn = codecs()[codec];
  const figures = await paired({ [codec]: () => do_not_optimize(fn(value)) }, { rounds: 7, minMs: 60, minSamples: 12 });
  process.stdout.write(String(figures[codec].median));
}
