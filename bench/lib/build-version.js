/**
 * Another commit of this project, built beside the checkout: its runtime and
 * plugin taken from the local repository (`git archive`) into
 * .cache/versions/<commit>/ and compiled there with this checkout's
 * TypeScript, so that experiments can measure two versions in one process.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
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
