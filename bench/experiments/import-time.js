#!/usr/bin/env node
/**
 * Experiment, not part of `npm run bench`: how long a fresh process takes to
 * import the runtime, as the package ships it (dist/bundle/, see
 * scripts/bundle-runtime.js) and as tsc wrote it (dist/runtime/, one file
 * per module), with `node:fs` as the floor every import pays. Each round
 * starts one process per variant, in turn, so the machine's load falls on
 * all of them alike; each process times its own `import()`.
 *
 *   node bench/experiments/import-time.js [rounds]
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { projectRoot } from "../lib/paths.js";

const rounds = Number(process.argv[2] ?? 21);
const variants = {
  "node:fs (floor)": "node:fs",
  "the package (dist/bundle)": "resumable-generators",
  "module per file (dist/runtime)": pathToFileURL(join(projectRoot, "dist", "runtime", "index.js")).href,
};
const script = (specifier) =>
  `const t = performance.now(); await import(${JSON.stringify(specifier)}); process.stdout.write(String(performance.now() - t));`;

const samples = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
for (let round = 0; round < rounds; round++) {
  for (const [name, specifier] of Object.entries(variants)) {
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script(specifier)], { cwd: projectRoot, encoding: "utf8" });
    samples[name].push(Number(out));
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const bundled = samples["the package (dist/bundle)"];
const perFile = samples["module per file (dist/runtime)"];
const ratios = bundled.map((ms, i) => ms / perFile[i]);
console.log(`| import, ${rounds} fresh processes each | median |\n|---|---:|`);
for (const [name, values] of Object.entries(samples)) console.log(`| ${name} | ${median(values).toFixed(1)} ms |`);
console.log(`| package / module per file (median of the rounds' ratios) | ${median(ratios).toFixed(2)}× |`);
