/**
 * 3. Memory: heap bytes per suspended generator with 100,000 of them alive,
 * native vs ours (regenerator for reference). Each figure is measured in a
 * fresh child process (--expose-gc, process.memoryUsage().heapUsed before and
 * after, the array that keeps them alive allocated beforehand); the median of
 * several children is reported (each child measures every case in turn).
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { median } from "../lib/measure.js";
import { benchDir } from "../lib/paths.js";

const CASES = {
  counter: "(a) counter loop",
  tryFinally: "(c) try/finally around yield",
  forOfArray: "(d) for…of over an array",
  pipeline: "(b) pipeline (3 generators each)",
  asyncCounter: "(e) async counter loop",
};

/** `flavours` and `asyncFlavours`: { native, ours, regen } module URLs of the stepping and async stepping sources. */
export function runMemory({ flavours, asyncFlavours, quick, log }) {
  const count = 100_000;
  const runs = quick ? 1 : 3;
  const child = join(benchDir, "sections", "memory-child.js");
  // Regenerator is only for reference: the quick run leaves it out.
  const samples = quick ? { native: [], ours: [] } : { native: [], ours: [], regen: [] };
  for (let run = 0; run < runs; run++) {
    for (const flavour of Object.keys(samples)) {
      const output = execFileSync(
        process.execPath,
        ["--expose-gc", child, flavours[flavour], asyncFlavours[flavour], String(count), ...Object.keys(CASES)],
        {
          encoding: "utf8",
        },
      );
      samples[flavour].push(JSON.parse(output));
    }
  }
  const results = {};
  for (const [key, label] of Object.entries(CASES)) {
    const bytes = {};
    for (const flavour of Object.keys(samples)) {
      const values = samples[flavour].map((run) => run[key]);
      bytes[flavour] = { median: median(values), samples: values };
    }
    results[key] = { label, count, bytes, oursToNative: bytes.ours.median / bytes.native.median };
    log(
      `  ${label}: native ${bytes.native.median.toFixed(0)} B, ours ${bytes.ours.median.toFixed(0)} B${bytes.regen ? `, regenerator ${bytes.regen.median.toFixed(0)} B` : ""}`,
    );
  }
  return results;
}
