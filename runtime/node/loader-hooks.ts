/**
 * Node module hooks (installed by `resumable-generators/register`): files
 * that mention `@resumable` are compiled with the plugin, TypeScript files
 * lose their types, everything else loads untouched. Output is cached on
 * disk by content hash, plugin version and Babel version, so a second start
 * skips Babel entirely.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { projectRootOf } from "./project-root.js";
import { typescriptOptions, typescriptPreset } from "./typescript-preset.js";

type LoadResult = { format: string; source?: string | Buffer; shortCircuit?: boolean };
type NextLoad = (url: string, context: { format?: string }) => Promise<LoadResult>;

const require = createRequire(import.meta.url);
const TYPESCRIPT = /\.(?:ts|mts)$/;
const JAVASCRIPT = /\.(?:js|mjs|cjs)$/;
/** An annotation as a comment writes it: `/* @resumable`, `/** @resumable`, `// @resumable`, or a JSDoc line. */
const ANNOTATION = /(?:\/\*\*?|\/\/|^\s*\*)\s*@resumable\b/m;

const pluginPath = fileURLToPath(new URL("../../babel-plugin/index.js", import.meta.url));
/** The plugin's own code is part of every cache key: a changed compiler never serves stale output. */
const compilerFingerprint = (() => {
  const hash = createHash("sha256");
  const dir = fileURLToPath(new URL("../../babel-plugin/", import.meta.url));
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith(".js"))
    .sort())
    hash.update(name).update(readFileSync(join(dir, name)));
  return hash.digest("hex");
})();

/**
 * Where compiled files are kept: the project's node_modules/.cache (the
 * directory of the nearest package.json, whatever directory the process
 * started in), or the system's temporary directory for a file outside any
 * project, rather than a node_modules made in the current directory.
 */
function cacheDirectory(root: string): string {
  const fromEnvironment = process.env["RESUMABLE_GENERATORS_CACHE"];
  if (fromEnvironment) return fromEnvironment;
  return existsSync(join(root, "package.json"))
    ? join(root, "node_modules", ".cache", "resumable-generators")
    : join(tmpdir(), "resumable-generators-cache");
}

function compile(source: string, filename: string, typescript: boolean): string {
  const babel = require("@babel/core") as typeof import("@babel/core");
  const annotated = source.includes("@resumable");
  // The Babel root: function ids are paths relative to it, so they do not depend on where the process started.
  const root = projectRootOf(dirname(filename));
  const key = createHash("sha256")
    .update(`${compilerFingerprint}\0${babel.version}\0${filename}\0${root}\0${annotated}\0${typescript}\0`)
    .update(source)
    .digest("hex");
  const directory = cacheDirectory(root);
  const cached = join(directory, `${key}.js`);
  try {
    return readFileSync(cached, "utf8");
  } catch {
    // Not cached yet.
  }
  const result = babel.transformSync(source, {
    filename,
    root,
    babelrc: false,
    configFile: false,
    sourceType: "module",
    sourceMaps: "inline",
    // moduleKey: two packages of a monorepo may hold files with one relative path, hence functions with one id.
    plugins: annotated ? [[pluginPath, { moduleKey: filename }]] : [],
    presets: typescript ? [[typescriptPreset(filename, babel.version), typescriptOptions(babel.version)]] : [],
  });
  const code = result?.code ?? "";
  try {
    // Write then rename: a reader never sees half a file.
    mkdirSync(directory, { recursive: true });
    const temporary = `${cached}.${process.pid}.tmp`;
    writeFileSync(temporary, code);
    renameSync(temporary, cached);
  } catch {
    // A read-only cache only costs speed.
  }
  return code;
}

/**
 * A CommonJS file reaches the hook only when imported; `require` never
 * shows it one. Rather than run an annotated one natively, where snapshot()
 * would refuse its generators much later, say so now.
 */
function refuseAnnotatedCommonJs(path: string): void {
  let source: string;
  try {
    source = readFileSync(path, "utf8");
  } catch {
    return; // Node reports an unreadable file itself.
  }
  if (!source.includes("@resumable") || !ANNOTATION.test(source)) return;
  throw new Error(
    `resumable-generators/register: ${path} is a CommonJS module with @resumable generators, and the hook compiles ES modules only; ` +
      `make it an ES module (.mjs, or "type": "module" in its package.json), or compile it with Babel and the plugin`,
  );
}

/** This package's own built files: they mention the annotation in messages, but never use it. */
const ownBuild = new URL("../../", import.meta.url).href;

export async function load(url: string, context: { format?: string }, nextLoad: NextLoad): Promise<LoadResult> {
  if (!url.startsWith("file:") || url.includes("/node_modules/") || url.startsWith(ownBuild)) return nextLoad(url, context);
  const path = fileURLToPath(url);
  const typescript = TYPESCRIPT.test(path);
  if (!typescript && !JAVASCRIPT.test(path)) return nextLoad(url, context);
  if (!typescript) {
    const loaded = await nextLoad(url, context);
    if (loaded.format === "commonjs") refuseAnnotatedCommonJs(path);
    if (loaded.format !== "module" || loaded.source === undefined) return loaded;
    const source = String(loaded.source);
    if (!source.includes("@resumable")) return loaded;
    return { format: "module", source: compile(source, path, false), shortCircuit: true };
  }
  const source = readFileSync(path, "utf8");
  return { format: "module", source: compile(source, path, true), shortCircuit: true };
}
