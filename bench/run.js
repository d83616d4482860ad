#!/usr/bin/env node
/**
 * npm run bench  (node bench/run.js [--quick] [--strict] [--only=stepping,asyncStepping,snapshot,memory,compile,codec])
 *
 * Compiles the benchmark sources (bench/sources/) with our plugin and with
 * @babel/plugin-transform-regenerator + regenerator-runtime into .cache/bench/,
 * runs every comparison of the performance issue in this one process (memory
 * in child processes), prints the tables with PASS/MISS per target, and writes
 * bench/results.json (bench/results-quick.json for --quick,
 * bench/results-partial.json for --only, both git-ignored).
 *
 * --quick   a smoke run of ~20-40 s (fewer rounds, smaller inputs, positions
 *           up to 1e6, a 400-line compile input): for CI, not for the figures
 * --strict  exit with status 1 when a target is missed (the default is 0:
 *           the run succeeded, whatever it measured)
 *
 * Needs the built package (npm run build): it measures dist/.
 */
import { spawnSync, execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const strict = args.includes("--strict");
const onlyArg = args.find((a) => a.startsWith("--only="));
const SECTIONS = ["stepping", "asyncStepping", "snapshot", "memory", "compile", "codec"];
const only = onlyArg ? onlyArg.slice("--only=".length).split(",") : SECTIONS;
for (const name of only) if (!SECTIONS.includes(name)) throw new Error(`unknown section "${name}"; sections: ${SECTIONS.join(", ")}`);

// mitata and the memory figures want a real GC between measurements.
if (typeof globalThis.gc !== "function") {
  const self = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, [...process.execArgv, "--expose-gc", self, ...args], { stdio: "inherit" });
  process.exit(child.status ?? 1);
}

const { benchDir, projectRoot, sourcesDir } = await import("./lib/paths.js");
if (!existsSync(join(projectRoot, "dist", "babel-plugin", "index.js")) || !existsSync(join(projectRoot, "dist", "runtime", "index.js"))) {
  console.error("bench: dist/ is missing; run `npm run build` first (the benchmark measures the built package).");
  process.exit(1);
}
const { compileSources, importFlavours } = await import("./lib/compile.js");
const { formatReport, evaluateTargets } = await import("./lib/report.js");
const { checkFlavoursAgree } = await import("./lib/check.js");

const started = Date.now();
const log = (line) => console.log(line);

function cpuModel() {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => l.startsWith("model name"));
    if (line) return line.split(":")[1].trim();
  } catch {}
  return os.cpus()[0]?.model ?? "unknown";
}

function gitCommit() {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], {
      cwd: projectRoot,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return undefined;
  }
}

const meta = {
  date: new Date().toISOString(),
  quick,
  node: process.version,
  v8: process.versions.v8,
  cpu: cpuModel(),
  cores: os.cpus().length,
  commit: gitCommit(),
  loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
};
log(
  `resumable-generators benchmarks${quick ? " (quick)" : ""}: node ${meta.node}, ${meta.cpu}, ${meta.cores} cores, load ${meta.loadAverageAtStart.join(" ")}`,
);
if (meta.loadAverageAtStart[0] > meta.cores * 0.75)
  log(`  warning: the machine is busy (load ${meta.loadAverageAtStart[0]}); absolute figures will be noisy, ratios less so`);

log("compiling bench/sources with our plugin and with regenerator…");
const urls = await compileSources([join(sourcesDir, "stepping.js"), join(sourcesDir, "warmup.js"), join(sourcesDir, "async-stepping.js")]);
const flavours = await importFlavours(urls.stepping);
const warmupModules = await importFlavours(urls.warmup);
checkFlavoursAgree(flavours, warmupModules);

const results = { meta };
if (only.includes("stepping")) {
  log("1. stepping (ns per next())");
  const { runStepping } = await import("./sections/stepping.js");
  results.stepping = await runStepping({ flavours, warmupModules, quick, log });
}
if (only.includes("asyncStepping")) {
  log("1b. async stepping (ns per await next())");
  const { runAsyncStepping } = await import("./sections/async-stepping.js");
  results.asyncStepping = await runAsyncStepping({ flavours: await importFlavours(urls["async-stepping"]), quick, log });
}
if (only.includes("snapshot")) {
  log("2. snapshot/restore of pipeline (b)");
  const { runSnapshot } = await import("./sections/snapshot.js");
  results.snapshot = await runSnapshot({ flavours, quick, log });
}
if (only.includes("codec")) {
  log("5. value codec (text round trip)");
  const { runCodec } = await import("./sections/codec.js");
  results.codec = await runCodec({ quick, log });
}
if (only.includes("compile")) {
  log("4. compile time");
  const { runCompile } = await import("./sections/compile.js");
  results.compile = await runCompile({ quick, log });
}
if (only.includes("memory")) {
  log("3. memory per suspended generator (child processes)");
  const { runMemory } = await import("./sections/memory.js");
  results.memory = runMemory({
    flavours: { native: urls.stepping.native, ours: urls.stepping.ours, regen: urls.stepping.regen },
    asyncFlavours: { native: urls["async-stepping"].native, ours: urls["async-stepping"].ours, regen: urls["async-stepping"].regen },
    quick,
    log,
  });
}

meta.seconds = Number(((Date.now() - started) / 1000).toFixed(1));
meta.loadAverageAtEnd = os.loadavg().map((l) => Number(l.toFixed(2)));
results.targets = evaluateTargets(results);
console.log("");
console.log(formatReport(results));
// Only a full run replaces the recorded one: a run of some sections would leave it without the others.
const partial = only.length < SECTIONS.length;
const out = join(benchDir, quick ? "results-quick.json" : partial ? "results-partial.json" : "results.json");
writeFileSync(out, JSON.stringify(results, null, 2) + "\n");
console.log(`\nwrote ${out.slice(projectRoot.length + 1)} (${meta.seconds} s)`);
if (strict && results.targets.some((t) => !t.pass)) process.exitCode = 1;
