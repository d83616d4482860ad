/**
 * What restore-in-child.test.ts and async-restore-in-child.test.ts share:
 * the refusal rule a program declares (`snapshotRefusal`), the judging of a
 * snapshot()/fork() attempt against it, the fresh process
 * (child-restore.mjs) that restores a program's blobs and drives them, and
 * the judging of what that process and fork() report against the native run.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { expect } from "vitest";
import { projectRoot } from "../support/compile.ts";
import { clip, differentialDir, type Failure, firstDifference, type ForkAttempt, type ProgramModule, type Trace } from "./load.ts";

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
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, CHILD_TIMEOUT_MS);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) {
        const how = timedOut ? `was killed after ${CHILD_TIMEOUT_MS / 1000} s` : `exited with ${code ?? signal}`;
        reject(new Error(`child-restore.mjs ${how} (${blobs.length} blobs):\n${clip(stderr, 3000)}`));
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

/** A snapshot() attempt as the sandbox reports it (the async one adds what a snapshot during a pending next() did). */
export type SnapshotAttempt = { k: number; trace: Trace } & ({ blob: string } | { blobType: string } | { error: Failure });

/** The blobs of a program's snapshot() attempts, with the traces that led to them; problems go to `problems`. */
export function collectBlobs(attempts: SnapshotAttempt[], native: ProgramModule, problems: string[]) {
  const parentTraces = new Map<number, Trace>();
  const blobs: Array<{ k: number; blob: string }> = [];
  for (const attempt of attempts) {
    const { k } = attempt;
    const failure = "error" in attempt ? attempt.error : undefined;
    const problem = judgeRefusal("snapshot()", k, expectationAt(native, k), failure);
    if (problem) problems.push(problem);
    if (failure || problem) continue;
    if (!("blob" in attempt)) {
      problems.push(`k=${k}: snapshot() returned a ${"blobType" in attempt ? attempt.blobType : "?"}, not JSON text`);
      continue;
    }
    parentTraces.set(k, attempt.trace);
    blobs.push({ k, blob: attempt.blob });
  }
  return { parentTraces, blobs };
}

/**
 * Judges the child's restores: each ran no program code, the first restored
 * generator continues the native run where the parent's trace stopped, and
 * the second does what the first did. `tag`: what Object.prototype.toString
 * must say of a restored generator, when checked.
 */
export function judgeRestores(
  results: ChildResult[],
  parentTraces: Map<number, Trace>,
  nativeTrace: Trace,
  problems: string[],
  tag?: string,
): void {
  for (const result of results) {
    const { k } = result;
    if ("restoreThrew" in result) {
      problems.push(`k=${k}: restore() in the child threw ${result.errorClass}: ${clip(JSON.stringify(result.restoreThrew))}`);
      continue;
    }
    if (JSON.stringify(result.restoreLog) !== "[]") {
      problems.push(`k=${k}: restore() ran program code (log: ${clip(JSON.stringify(result.restoreLog))})`);
    }
    if (tag !== undefined && result.tag !== tag) problems.push(`k=${k}: the restored generator is a ${result.tag}`);
    const difference = firstDifference([...parentTraces.get(k)!, ...result.first], nativeTrace);
    if (difference) problems.push(`k=${k}: the restored run differs from the native run at ${difference}`);
    const twin = firstDifference(result.second, result.first);
    if (twin) problems.push(`k=${k}: the second restore of the same blob differs from the first at ${twin}`);
  }
}

/**
 * Judges fork() at each point: the fork runs as the native run does from
 * there, and so does the original after it. An in-process fork may manage
 * what a blob cannot carry, so where a snapshot must refuse, a fork may also
 * succeed (and must then be right).
 */
export function judgeForks(attempts: ForkAttempt[], native: ProgramModule, nativeTrace: Trace, problems: string[]): void {
  for (const attempt of attempts) {
    const { k } = attempt;
    const expected = expectationAt(native, k);
    const failure = "error" in attempt ? attempt.error : undefined;
    const problem = judgeRefusal("fork()", k, expected === "refuse" ? "either" : expected, failure);
    if (problem) problems.push(problem);
    if ("error" in attempt) continue;
    const forkDifference = firstDifference(attempt.forkTrace, nativeTrace);
    if (forkDifference) problems.push(`k=${k}: the fork differs from the native run at ${forkDifference}`);
    const originalDifference = firstDifference(attempt.originalTrace, nativeTrace);
    if (originalDifference) problems.push(`k=${k}: the forked original differs from the native run at ${originalDifference}`);
  }
}
