#!/usr/bin/env node
/**
 * Bundles the runtime that `tsc` wrote to dist/runtime/ into dist/bundle/:
 * what the package's "." and "./node" entries and its command load.
 *
 * Why: Node 20 loads an ES module graph one file at a time (resolve, stat,
 * read, compile), and the runtime is some thirty small modules, one concern
 * each. Importing it took about twice as long as importing the same code
 * as a few files (bench/experiments/import-time.js measures both), which a
 * short-lived process (a CLI step of a workflow, a serverless handler)
 * pays on every start.
 *
 * The entries share chunks (`splitting`), so "resumable-generators" and
 * "resumable-generators/node" in one process are one runtime: one function
 * table, one registry. The bundle is made from tsc's output, not from the
 * TypeScript sources, so it holds the very code the tests run, and its
 * source maps lead back to runtime/*.ts. The types stay tsc's
 * (dist/runtime/*.d.ts), and the Babel plugin and the module hook
 * (`./register`) stay as tsc wrote them: they load Babel, which dwarfs this.
 */
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "dist", "bundle");

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    index: "dist/runtime/index.js",
    node: "dist/runtime/node/index.js",
    cli: "dist/runtime/cli.js",
  },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // Chunk names by content hash; the entries keep theirs for package.json.
  chunkNames: "chunk-[hash]",
  sourcemap: true,
  logLevel: "warning",
});
