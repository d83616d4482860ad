/**
 * Another commit of this project, built beside the checkout: its runtime and
 * plugin taken from the local repository (`git archive`) into
 * .cache/versions/<commit>/ and compiled there with this checkout's
 * TypeScript, so that experiments can measure two versions in one process.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { babel } from "./compile.js";
import { projectRoot } from "./paths.js";

/** Builds `commit` ("HEAD" works too) once; returns its short hash and where its dist/ is. */
export function buildVersion(commit) {
  const sha = execFileSync("git", ["rev-parse", "--short", commit], { cwd: projectRoot, encoding: "utf8" }).trim();
  const dir = join(projectRoot, ".cache", "versions", sha);
  if (!existsSync(join(dir, "dist", "runtime", "index.js")) || !existsSync(join(dir, "dist", "babel-plugin", "index.js"))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const archive = execFileSync("git", ["archive", sha, "runtime", "babel-plugin", "tsconfig.json", "package.json"], { cwd: projectRoot });
    execFileSync("tar", ["-x", "-C", dir], { input: archive });
    symlinkSync(join(projectRoot, "node_modules"), join(dir, "node_modules"));
    execFileSync(process.execPath, [join(projectRoot, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], { cwd: dir });
  }
  return { sha, dist: join(dir, "dist") };
}

/**
 * `sourceFile` compiled by a built version's plugin against that version's
 * runtime (the plugin's `runtimeModule` option), written under its
 * .cache/versions/<commit>/compiled/ and imported. The file name Babel sees
 * is `sourceFile`, so function ids are those of the checkout's build.
 */
export async function importCompiledBy({ dist }, sourceFile) {
  const plugin = (await import(pathToFileURL(join(dist, "babel-plugin", "index.js")).href)).default;
  const runtimeModule = pathToFileURL(join(dist, "runtime", "index.js")).href;
  const code = babel.transformSync(readFileSync(sourceFile, "utf8"), {
    babelrc: false,
    configFile: false,
    sourceType: "module",
    filename: sourceFile,
    plugins: [[plugin, { runtimeModule }]],
  }).code;
  const dir = join(dist, "..", "compiled");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${basename(sourceFile, ".js")}.mjs`);
  writeFileSync(file, code);
  return import(pathToFileURL(file).href);
}
