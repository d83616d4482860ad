#!/usr/bin/env node
/**
 * Experiment, not part of `npm run bench`: one blob holding many suspended
 * generators (a game world of 20,000 entities, each running a small script),
 * as snapshotValue/restoreValue save and load it, text and binary. With two
 * commits, both versions side by side in one process (paired rounds, each
 * version compiling the script with its own plugin against its own runtime):
 *
 *   node bench/experiments/many-frames.js [count]
 *   node bench/experiments/many-frames.js c8abf24 HEAD [count]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { do_not_optimize } from "mitata";

const { projectRoot } = await import("../lib/paths.js");
const { paired } = await import("../lib/measure.js");
const { buildVersion } = await import("../lib/build-version.js");
const babel = createRequire(join(projectRoot, "package.json"))("@babel/core");

const SCRIPT = `
/* @resumable */
export function* entity(id) {
  let hp = 100, x = 0, y = 0;
  const seen = [];
  for (let t = 0; ; t++) {
    x += id % 3;
    y += t % 5;
    if (t % 7 === 0) seen.push(t);
    hp = (yield { id, x, y, hp }) ?? hp;
  }
}
`;

const args = process.argv.slice(2);
const count = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 20_000);
const commits = args.filter((arg) => !/^\d+$/.test(arg));
const versions = commits.length === 0 ? [{ sha: "dist", dist: join(projectRoot, "dist") }] : commits.map(buildVersion);

const workDir = join(projectRoot, ".cache", "bench", "many-frames");
mkdirSync(workDir, { recursive: true });
const variants = {};
let sizes = "";
for (const { sha, dist } of versions) {
  const runtimeUrl = pathToFileURL(join(dist, "runtime", "index.js")).href;
  const plugin = (await import(pathToFileURL(join(dist, "babel-plugin", "index.js")).href)).default;
  const file = join(workDir, `entity-${sha}.mjs`);
  const code = babel.transformSync(SCRIPT, {
    babelrc: false,
    configFile: false,
    filename: join(projectRoot, "bench", "generated", "entity.js"),
    plugins: [[plugin, { runtimeModule: runtimeUrl }]],
  }).code;
  writeFileSync(file, code);
  const { entity } = await import(pathToFileURL(file).href);
  const runtime = await import(runtimeUrl);
  const world = Array.from({ length: count }, (_, id) => {
    const gen = entity(id);
    for (let step = 0; step < 20; step++) gen.next();
    return gen;
  });
  for (const binary of [false, true]) {
    const form = binary ? "binary" : "text";
    const blob = runtime.snapshotValue(world, { binary });
    sizes += `  ${sha} ${form}: ${(blob.length / 1024).toFixed(0)} KB\n`;
    variants[`${sha} snapshot ${form}`] = () => do_not_optimize(runtime.snapshotValue(world, { binary }));
    variants[`${sha} restore ${form}`] = () => do_not_optimize(runtime.restoreValue(blob));
  }
}
const figures = await paired(variants, { rounds: 7, minMs: 300, minSamples: 5 });
console.log(`${count.toLocaleString("en-US")} suspended generators in one blob:\n${sizes}`);
console.log("| variant | median | per generator |\n|---|---:|---:|");
for (const [name, figure] of Object.entries(figures)) {
  console.log(`| ${name} | ${(figure.median / 1e6).toFixed(1)} ms | ${(figure.median / 1e3 / count).toFixed(2)} µs |`);
}
