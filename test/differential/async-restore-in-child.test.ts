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
import { afterAll, describe, it } from "vitest";
import { compileToFile } from "../support/compile.ts";
import {
  asyncDriver,
  asyncProgramsDir,
  driver,
  type Failure,
  type ForkAttempt,
  listPrograms,
  loadNative,
  type Program,
  type ProgramModule,
  Sandbox,
  type Trace,
} from "./load.ts";
import {
  collectBlobs,
  expectationAt,
  failWith,
  judgeForks,
  judgeRestores,
  runRestoreChild,
  type SnapshotAttempt,
} from "./restore-checks.ts";

const programs = listPrograms(asyncProgramsDir);

const sandbox = new Sandbox();
afterAll(() => sandbox.close());

function compiledPath(program: Program): string {
  const path = compileToFile(program.source, program.file, 7);
  sandbox.load(path);
  return path;
}

/** A snapshot() attempt, and what a snapshot() while the next next() was still pending did. */
type AsyncSnapshotAttempt = SnapshotAttempt & { busySnapshot?: "succeeded" | Failure };

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
      const attempts = sandbox.call<AsyncSnapshotAttempt[]>({ op: "asyncSnapshots", path, points });
      for (const { k, busySnapshot: busy } of attempts) {
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
      }
      const { parentTraces, blobs } = collectBlobs(attempts, native, problems);
      const results = blobs.length > 0 ? await runRestoreChild(path, blobs, true) : [];
      judgeRestores(results, parentTraces, nativeTrace, problems, "[object AsyncGenerator]");
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
      judgeForks(sandbox.call<ForkAttempt[]>({ op: "asyncForks", path, points }), native, nativeTrace, problems);
      failWith(problems);
    });
  }
});
