/**
 * Snapshot and restore of async generators, checked against the native run
 * (Babel 7 builds), as restore-in-child.test.ts does for sync ones: for every
 * program of ./async-programs and every suspension point k, the compiled
 * generator is driven through k awaited next() calls in a Sandbox,
 * snapshot(), and all the blobs of a program go to ONE fresh
 * `node child-restore.mjs --async` process, which restores each twice and
 * drives both to the end. The first k calls made here, followed by the
 * child's trace, must equal the native all-next() trace; the second restore
 * must do what the first did. At each k, snapshot() while the next next() is
 * still pending must throw SnapshotError (unless that call finished the
 * generator at once). fork() is checked the same way in the sandbox.
 */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileToFile, projectRoot } from "../support/compile.ts";
import {
  asyncDriver,
  asyncProgramsDir,
  clip,
  differentialDir,
  driver,
  type Failure,
  firstDifference,
  type ForkAttempt,
  listPrograms,
  loadNative,
  type Program,
  type ProgramModule,
  Sandbox,
  type Trace,
} from "./load.ts";
import { expectationAt, failWith, judgeRefusal, runRestoreChild } from "./restore-checks.ts";

const programs = listPrograms(asyncProgramsDir);

const sandbox = new Sandbox();
afterAll(() => sandbox.close());

function compiledPath(program: Program): string {
  const path = compileToFile(program.source, program.file, 7);
  sandbox.load(path);
  return path;
}

type SnapshotAttempt = { k: number; trace: Trace; busySnapshot?: "succeeded" | Failure } & (
  { blob: string } | { blobType: string } | { error: Failure }
);

interface Plan {
  native: ProgramModule;
  nativeTrace: Trace;
  points: number[];
  suspensions: number;
}

async function plan(program: Program): Promise<Plan> {
  const native = loadNative(program);
  const nativeTrace = await asyncDriver.driveAllNext(native);
  const suspensions = asyncDriver.suspensionCount(nativeTrace);
  return { native, nativeTrace, suspensions, points: driver.pointsToVisit(suspensions, 60) };
}

function skipReason(program: Program): string | null {
  return /export const restoreExempt = "([^"]+)"/.exec(program.source)?.[1] ?? null;
}

describe("async: snapshot, then restore in a fresh process", () => {
  for (const program of programs) {
    const skip = skipReason(program);
    (skip === null ? it : it.skip)(skip ? `${program.name} (skipped: ${skip})` : program.name, async () => {
      const { native, nativeTrace, points, suspensions } = await plan(program);
      const path = compiledPath(program);
      const problems: string[] = [];
      const parentTraces = new Map<number, Trace>();
      const blobs: Array<{ k: number; blob: string }> = [];
      for (const attempt of sandbox.call<SnapshotAttempt[]>({ op: "asyncSnapshots", path, points })) {
        const { k } = attempt;
        const busy = attempt.busySnapshot;
        if (busy === "succeeded" && k !== suspensions) {
          problems.push(`k=${k}: snapshot() succeeded while a next() was pending`);
        } else if (busy !== undefined && busy !== "succeeded" && !busy.snapshotError) {
          problems.push(`k=${k}: snapshot() while a next() was pending threw ${busy.text}, not a SnapshotError`);
        } else if (
          busy !== undefined &&
          busy !== "succeeded" &&
          expectationAt(native, k) === "succeed" &&
          !/await the pending next\(\)/.test(busy.text)
        ) {
          problems.push(`k=${k}: snapshot() while a next() was pending refused, but not because of the pending call: ${busy.text}`);
        }
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
      const results = blobs.length > 0 ? await runRestoreChild(path, blobs, true) : [];
      for (const result of results) {
        const { k } = result;
        if ("restoreThrew" in result) {
          problems.push(`k=${k}: restore() in the child threw ${result.errorClass}: ${clip(JSON.stringify(result.restoreThrew))}`);
          continue;
        }
        if (JSON.stringify(result.restoreLog) !== "[]") problems.push(`k=${k}: restore() ran program code`);
        if (result.tag !== "[object AsyncGenerator]") problems.push(`k=${k}: the restored generator is a ${result.tag}`);
        const difference = firstDifference([...parentTraces.get(k)!, ...result.first], nativeTrace);
        if (difference) problems.push(`k=${k}: the restored run differs from the native run at ${difference}`);
        const twin = firstDifference(result.second, result.first);
        if (twin) problems.push(`k=${k}: the second restore of the same blob differs from the first at ${twin}`);
      }
      failWith(problems);
    });
  }
});

describe("async: fork() in the sandbox", () => {
  for (const program of programs) {
    const skip = skipReason(program);
    (skip === null ? it : it.skip)(skip ? `${program.name} (skipped: ${skip})` : program.name, async () => {
      const { native, nativeTrace, points } = await plan(program);
      const path = compiledPath(program);
      const problems: string[] = [];
      for (const attempt of sandbox.call<ForkAttempt[]>({ op: "asyncForks", path, points })) {
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
      failWith(problems);
    });
  }
});
