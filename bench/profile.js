#!/usr/bin/env node
/**
 * Profiles one benchmark workload in the same conditions as bench/run.js and
 * prints the functions with the most self time.
 *
 *   node bench/profile.js <workload> [seconds]
 *
 * Workloads: stepping.counter, stepping.pipeline, stepping.tryFinally,
 * stepping.forOfArray (ours, after the same warm-up), snapshot (snapshot +
 * restore of the pipeline at 1e3 items), codec.smallFrame, codec.sharedMap,
 * codec.float64Array, codec.numberArray (our codec, text blob; add "@binary"
 * for the binary blob), compile (our plugin on
 * the annotated 2,000-line module), compile.regen (regenerator on it).
 * Add "@native" or "@regen" to a stepping workload to profile that flavour.
 *
 * The .cpuprofile goes to .cache/bench/profiles/ (open it in Chrome DevTools
 * for the call tree).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { projectRoot, sourcesDir } from "./lib/paths.js";

const [workload, secondsText = "4", mode] = process.argv.slice(2);
if (!workload) {
  console.error("usage: node bench/profile.js <workload> [seconds]   (see the comment at the top of bench/profile.js)");
  process.exit(2);
}
const seconds = Number(secondsText);
const profileDir = join(projectRoot, ".cache", "bench", "profiles");

if (mode !== "--child") {
  mkdirSync(profileDir, { recursive: true });
  const name = `${workload.replace(/[^A-Za-z0-9.@-]/g, "_")}-${Date.now()}.cpuprofile`;
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync(
    process.execPath,
    ["--expose-gc", "--cpu-prof", `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}`, self, workload, String(seconds), "--child"],
    { stdio: "inherit" },
  );
  if (run.status !== 0) process.exit(run.status ?? 1);
  const file = join(profileDir, name);
  printTopSelf(file, 25);
  console.log(`\nprofile: ${file.slice(projectRoot.length + 1)}`);
  process.exit(0);
}

function frameKey(frame) {
  const where = frame.url ? `${frame.url.replace(/^file:\/\/\/work\/main\//, "").replace(/^file:\/\//, "")}:${frame.lineNumber + 1}` : "";
  return `${frame.functionName || "(anonymous)"} ${where}`.trim();
}

/**
 * Self time per function (name + location), from a V8 .cpuprofile; then the
 * inclusive time of the project's own functions (dist/), which says which
 * phase of ours spends the time that shows up as Babel or builtins.
 */
export function printTopSelf(file, count) {
  const profile = JSON.parse(readFileSync(file, "utf8"));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const deltas = profile.timeDeltas;
  const selfMicros = new Map();
  const inclusiveMicros = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const micros = deltas[i] ?? 0;
    const key = frameKey(byId.get(profile.samples[i]).callFrame);
    selfMicros.set(key, (selfMicros.get(key) ?? 0) + micros);
    const seen = new Set();
    for (let id = profile.samples[i]; id !== undefined; id = parentOf.get(id)) {
      const frame = byId.get(id).callFrame;
      if (!frame.url.includes("/dist/")) continue;
      const own = frameKey(frame);
      if (seen.has(own)) continue;
      seen.add(own);
      inclusiveMicros.set(own, (inclusiveMicros.get(own) ?? 0) + micros);
    }
  }
  const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);
  const print = (map, n) => {
    for (const [key, micros] of [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n)) {
      console.log(`${((100 * micros) / total).toFixed(1).padStart(6)}%  ${(micros / 1e3).toFixed(0).padStart(6)} ms  ${key}`);
    }
  };
  console.log(`\ntop self time (${(total / 1e6).toFixed(2)} s sampled):`);
  print(selfMicros, count);
  console.log("\ntop inclusive time, the project's own code (dist/):");
  print(inclusiveMicros, 15);
}

// ---- child: set up like bench/run.js, then loop the workload ----
const { compileSources, importFlavours } = await import("./lib/compile.js");
const until = () => {
  const end = performance.now() + seconds * 1000;
  return () => performance.now() < end;
};
let sink;

if (workload.startsWith("stepping.")) {
  const [caseName, flavour = "ours"] = workload.slice("stepping.".length).split("@");
  const urls = await compileSources([join(sourcesDir, "stepping.js"), join(sourcesDir, "warmup.js")]);
  const flavours = await importFlavours(urls.stepping);
  const warmupModules = await importFlavours(urls.warmup);
  const { drain, steppingCases, warmUp } = await import("./sections/stepping.js");
  const cases = steppingCases(2000);
  warmUp(flavours, warmupModules, cases, { rounds: 60 });
  const c = cases[caseName];
  if (!c) throw new Error(`unknown stepping case ${caseName}: ${Object.keys(cases).join(", ")}`);
  for (const more = until(); more();) sink = drain(c.make(flavours[flavour]));
} else if (workload === "snapshot") {
  const urls = await compileSources([join(sourcesDir, "stepping.js")]);
  const { ours } = await importFlavours(urls.stepping);
  const { registerValue, snapshot, restore } = await import("resumable-generators");
  const { benchText } = await import("./sections/stepping.js");
  const text = benchText(1000);
  registerValue("bench.text", text);
  const gen = ours.batches(text, 100, 4);
  for (let i = 0; i < 1000; i++) gen.next();
  for (const more = until(); more();) sink = restore(snapshot(gen));
} else if (workload.startsWith("codec.")) {
  const { codecInputs, codecs } = await import("./sections/codec.js");
  const [inputName, form = "text"] = workload.slice("codec.".length).split("@");
  const input = codecInputs(false)[inputName];
  if (!input) throw new Error(`unknown codec input ${workload}`);
  const ours = form === "binary" ? codecs().oursBinary : codecs().oursText;
  for (const more = until(); more();) sink = ours(input.value);
} else if (workload === "compile" || workload === "compile.regen") {
  const { babel, loadOurPlugin, regeneratorPlugins } = await import("./lib/compile.js");
  const { compileInput } = await import("./lib/compile-input.js");
  const code = compileInput({ annotate: true });
  const plugins = workload === "compile" ? [await loadOurPlugin()] : regeneratorPlugins;
  const options = {
    babelrc: false,
    configFile: false,
    root: projectRoot,
    filename: join(projectRoot, "bench", "generated", "compile-input.js"),
    sourceType: "module",
    plugins,
  };
  for (const more = until(); more();) sink = babel.transformSync(code, options).code;
} else {
  throw new Error(`unknown workload ${workload}`);
}
if (sink === Symbol.for("never")) console.log(sink);
