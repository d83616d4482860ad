#!/usr/bin/env node
/**
 * Experiment, not part of `npm run bench`: where the time of a codec round
 * trip and of snapshot/restore goes, step by step (mitata p50 of each step,
 * paired rounds), plus one what-if: the encoder without its per-property
 * Object.getOwnPropertyDescriptor call (a patched copy of dist/runtime in
 * .cache/bench/; unsafe as is, since it would run getters).
 *
 *   node bench/experiments/split.js
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { deserialize, serialize } from "node:v8";

if (typeof globalThis.gc !== "function") {
  const run = spawnSync(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url)], { stdio: "inherit" });
  process.exit(run.status ?? 1);
}

const { projectRoot, sourcesDir } = await import("../lib/paths.js");
const { paired } = await import("../lib/measure.js");
const { codecInputs } = await import("../sections/codec.js");
const { encodeGraph } = await import("../../dist/runtime/codec/encode.js");
const { decodeGraph } = await import("../../dist/runtime/codec/decode.js");
const { savedKinds } = await import("../../dist/runtime/saved-kinds.js");
const { packJson, unpackJson } = await import("../../dist/runtime/packed-json.js");

// The what-if copy of the runtime.
const copy = join(projectRoot, ".cache", "bench", "experiment-runtime");
rmSync(copy, { recursive: true, force: true });
cpSync(join(projectRoot, "dist", "runtime"), copy, { recursive: true });
const encoderFile = join(copy, "codec", "encode.js");
const original = readFileSync(encoderFile, "utf8");
const patched = original.replace(
  /const descriptor = Object\.getOwnPropertyDescriptor\(object, key\);\s*entry\.push\(key\);\s*(\/\/[^\n]*\s*)?if \(!\("value" in descriptor\)\)\s*throw this\.refuseAccessor\(\);\s*entry\.push\(this\.slot\(descriptor\.value\)\);/,
  "entry.push(key);\n            entry.push(this.slot(object[key]));",
);
let encodeNoDescriptor;
if (patched !== original) {
  writeFileSync(encoderFile, patched);
  encodeNoDescriptor = (await import(pathToFileURL(encoderFile).href)).encodeGraph;
} else {
  console.log("(encode.js changed: the no-descriptor what-if is skipped)");
}

const ext = savedKinds({ framesToFill: [] });
const ms = (ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : `${(ns / 1e3).toFixed(2)} µs`);
console.log(
  "| input | encodeGraph | JSON.stringify | JSON.parse | packJson | unpackJson | decodeGraph | encodeGraph without descriptors | node:v8 round trip |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|",
);
for (const [key, input] of Object.entries(codecInputs(false))) {
  const value = input.value;
  const { graph, attachments } = encodeGraph(value, ext);
  const text = JSON.stringify(graph);
  const parsed = JSON.parse(text);
  const packed = Uint8Array.from(packJson(graph));
  const variants = {
    encode: () => encodeGraph(value, ext),
    stringify: () => JSON.stringify(graph),
    parse: () => JSON.parse(text),
    pack: () => packJson(graph),
    unpack: () => unpackJson(packed),
    decode: () => decodeGraph(parsed, ext, { maxValues: 10_000_000 }, attachments),
    v8: () => deserialize(serialize(value)),
  };
  if (encodeNoDescriptor) variants.encodeNoDescriptor = () => encodeNoDescriptor(value, ext);
  const big = key === "float64Array" || key === "numberArray";
  const f = await paired(variants, { rounds: 3, minMs: big ? 300 : 100, minSamples: big ? 3 : 12 });
  console.log(
    `| ${input.label} | ${ms(f.encode.median)} | ${ms(f.stringify.median)} | ${ms(f.parse.median)} | ${ms(f.pack.median)} | ${ms(f.unpack.median)} | ${ms(f.decode.median)} | ${f.encodeNoDescriptor ? ms(f.encodeNoDescriptor.median) : "–"} | ${ms(f.v8.median)} |`,
  );
}

// Snapshot and restore of the pipeline at 1e3 items, step by step.
const { compileSources, importFlavours } = await import("../lib/compile.js");
const { benchText } = await import("../sections/stepping.js");
const { plainStateOf } = await import("../sections/snapshot.js");
const { registerValue, restore, snapshot } = await import("resumable-generators");
const urls = await compileSources([join(sourcesDir, "stepping.js")]);
const { ours } = await importFlavours(urls.stepping);
const text = benchText(1000);
registerValue("bench.text", text);
const gen = ours.batches(text, 100, 4);
for (let i = 0; i < 1000; i++) gen.next();
const blob = snapshot(gen);
// The generator's frame classes are registered with the package's bundled
// runtime, which does not export encodeGraph/decodeGraph (dist/runtime's
// copies have registries of their own and would refuse these frames). So the
// graph steps are what remains of snapshot/restore once the JSON is taken out.
const envelope = JSON.parse(blob);
const state = plainStateOf(blob);
const f = await paired(
  {
    snapshot: () => snapshot(gen),
    stringify: () => JSON.stringify(envelope),
    restore: () => restore(blob),
    parse: () => JSON.parse(blob),
    floor: () => JSON.parse(JSON.stringify(state)),
  },
  { rounds: 3, minMs: 100, minSamples: 12 },
);
console.log(`\npipeline at 1e3 items: blob ${blob.length} chars, the floor's JSON ${JSON.stringify(state).length} chars`);
for (const [name, figure] of Object.entries(f)) console.log(`  ${name.padEnd(16)} ${ms(figure.median)}`);
const share = (part, whole) => `${((100 * f[part].median) / f[whole].median).toFixed(0)}%`;
console.log(
  `  snapshot − stringify (encoding the graph) ${ms(f.snapshot.median - f.stringify.median)}; stringify is ${share("stringify", "snapshot")} of a snapshot`,
);
console.log(
  `  restore − parse (decoding the graph, completing the frames) ${ms(f.restore.median - f.parse.median)}; parse is ${share("parse", "restore")} of a restore`,
);
console.log(`  (snapshot + restore) / floor ${((f.snapshot.median + f.restore.median) / f.floor.median).toFixed(2)}×`);
if (existsSync(copy)) rmSync(copy, { recursive: true, force: true });
