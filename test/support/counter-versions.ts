/**
 * The README's migration example, a counter whose second version also yields
 * a running total, for the tests that save with one version and restore with
 * the other (each side in a process of its own), and the runner for those
 * processes.
 */
import { execFileSync } from "node:child_process";

/** Both versions of the counter, registered under `id`. */
export function counterVersions(id: string): [string, string] {
  const version1 = `
/* @resumable("${id}") */
export function* counter(limit) {
  let count = 0;
  while (count < limit) {
    count++;
    /* @resume "tick" */ yield count;
  }
}
`;
  const version2 = `
/* @resumable("${id}") */
export function* counter(limit) {
  let count = 0;
  let total = 0;
  while (count < limit) {
    count++;
    total += count;
    /* @resume "tick" */ yield [count, total];
  }
}
`;
  return [version1, version2];
}

/** Runs an ES module given as text in a fresh Node process; its trimmed output. */
export function runModuleScript(script: string): string {
  return execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }).trim();
}
