/**
 * What restore-in-child.test.ts and async-restore-in-child.test.ts share:
 * the refusal rule a program declares (`snapshotRefusal`), the judging of a
 * snapshot()/fork() attempt against it, and the fresh process
 * (child-restore.mjs) that restores a program's blobs and drives them.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { expect } from "vitest";
import { projectRoot } from "../support/compile.ts";
import { clip, differentialDir, type Failure, type ProgramModule, type Trace } from "./load.ts";

const CHILD_SCRIPT = join(differentialDir, "child-restore.mjs");
/** Below vitest's 60 s test timeout, so a stuck child fails with its own message. */
const CHILD_TIMEOUT_MS = 30_000;

export type Expectation = "succeed" | "refuse" | "either";

export function expectationAt(mod: ProgramModule, k: number): Expectation {
  const refusal = mod.snapshotRefusal;
  if (refusal === undefined) return "succeed";
  if (refusal === "allowed") return "either";
  if (refusal === true) return k === 0 ? "either" : "refuse";
  if (Array.isArray(refusal)) return refusal.includes(k) ? "refuse" : "succeed";
  throw new Error(`snapshotRefusal must be true, "allowed" or a list of suspension points, not ${String(refusal)}`);
}

/** Checks one snapshot() or fork() attempt against the program's refusal rule; returns a problem or null. */
export function judgeRefusal(what: string, k: number, expected: Expectation, failure: Failure | undefined): string | null {
  if (failure === undefined) {
    return expected === "refuse"
      ? `k=${k}: ${what} succeeded, but the program declares state that cannot be saved here (snapshotRefusal)`
      : null;
  }
  if (!failure.snapshotError) return `k=${k}: ${what} threw ${failure.text}, not a SnapshotError`;
  return expected === "succeed" ? `k=${k}: ${what} refused: ${failure.text}` : null;
}

export function failWith(problems: string[]): void {
  if (problems.length > 0) expect.fail(`${problems.length} problem(s):\n${problems.join("\n")}`);
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error);
}

/** What the child reports per blob; `tag` is Object.prototype.toString of the first restored generator. */
export type ChildResult =
  | { k: number; restoreLog: unknown; tag: string; first: Trace; second: Trace }
  | { k: number; restoreThrew: unknown; errorClass: string | null };

/** Runs child-restore.mjs on a compiled program's blobs (`async`: drives async generators). */
export function runRestoreChild(modulePath: string, blobs: Array<{ k: number; blob: string }>, async: boolean): Promise<ChildResult[]> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const args = [CHILD_SCRIPT, modulePath, ...(async ? ["--async"] : [])];
    const child = spawn(process.execPath, args, { cwd: projectRoot, env, stdio: "pipe" });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), CHILD_TIMEOUT_MS);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) {
        reject(new Error(`child-restore.mjs exited with ${code ?? signal}:\n${clip(stderr, 3000)}`));
        return;
      }
      try {
        resolve(JSON.parse(stdout) as ChildResult[]);
      } catch (error) {
        reject(new Error(`child-restore.mjs printed no JSON (${errorText(error)}):\n${clip(stdout)}\n${clip(stderr)}`));
      }
    });
    child.stdin.on("error", () => {}); // a child that dies early closes its stdin; "close" reports it
    child.stdin.end(JSON.stringify(blobs));
  });
}
