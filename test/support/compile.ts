/**
 * Compiles a test program with the plugin and imports it, so tests can run
 * the same source natively (import the file as is) and compiled.
 */
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const pluginPath = join(projectRoot, "dist", "babel-plugin", "index.js");
const cacheDir = join(projectRoot, ".cache", "compiled");

export type BabelMajor = 7 | 8;

export function babelCore(major: BabelMajor): typeof import("@babel/core") {
  return major === 7 ? require("@babel/core") : require("babel8");
}

/** What a test may add to the plugin: a preset (TypeScript) or parser options. */
export type ExtraOptions = Pick<import("@babel/core").TransformOptions, "presets" | "parserOpts">;

/** Compiles `source` (as if it lived at `filename`) and returns the output code. */
export function compileSource(source: string, filename: string, major: BabelMajor = 7, extra: ExtraOptions = {}): string {
  const babel = babelCore(major);
  const result = babel.transformSync(source, {
    ...extra,
    filename,
    root: projectRoot,
    babelrc: false,
    configFile: false,
    sourceMaps: "inline",
    plugins: [pluginPath],
  });
  if (!result?.code) throw new Error(`babel produced no code for ${filename}`);
  return result.code;
}

/**
 * Compiles `source` into a module file next to the other compiled test programs
 * and returns its path. The runtime import is rewritten to the built runtime so
 * the module runs from `.cache/`.
 */
export function compileToFile(source: string, filename: string, major: BabelMajor = 7, extra: ExtraOptions = {}): string {
  const code = compileSource(source, filename, major, extra);
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 16);
  const name = relative(projectRoot, filename).replace(/[^A-Za-z0-9_.-]+/g, "_");
  mkdirSync(cacheDir, { recursive: true });
  const out = join(cacheDir, `${name}.${hash}.b${major}.mjs`);
  writeFileSync(out, code);
  return out;
}

export async function importCompiled<T = Record<string, unknown>>(
  source: string,
  filename: string,
  major: BabelMajor = 7,
  extra: ExtraOptions = {},
): Promise<T> {
  return import(pathToFileURL(compileToFile(source, filename, major, extra)).href) as Promise<T>;
}
