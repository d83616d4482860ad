/**
 * Snapshot and restore, checked against the native run (Babel 7 builds only).
 *
 * For every program and every suspension point k: drive the compiled
 * generator through k next() calls in this process (in its sandbox thread),
 * snapshot() it, and hand
 * all the blobs of the program to ONE fresh `node child-restore.mjs` process,
 * which imports the compiled module, restores each blob twice and drives both
 * generators to the end (one, then the other). The trace of the first k calls
 * made here, followed by the child's trace of the first restored generator,
 * must equal the native all-next() trace; the second restored generator must
 * do exactly what the first did (independent generators, equal futures).
 * fork() is checked the same way inside this process.
 *
 * Logs: a trace records, for each call, only what the call appended to the
 * program's `log` (driver.mjs). The child's log starts empty, and what the
 * first k calls appended here is in the first k entries of the joined trace,
 * so the joined trace compares with the native one entry by entry; nothing
 * has to be subtracted. restore() itself must append nothing.
 *
 * Refusals: a program declares `snapshotRefusal` when its state legitimately
 * cannot be saved (see load.ts); there, snapshot() must throw the runtime's
 * SnapshotError instead. Anywhere else a refusal is a failure.
 *
 * The compiled programs and the runtime ("resumable-generators") are loaded
 * by Node's own loader in one worker thread (Sandbox in load.ts), so that they
 * share one function registry and an endless loop cannot hang the run.
 */
import { afterAll, describe, it } from "vitest";
import { compileToFile } from "../support/compile.ts";
import { driver, type ForkAttempt, listPrograms, loadNative, type Program, type ProgramModule, Sandbox, type Trace } from "./load.ts";
import { collectBlobs, failWith, judgeForks, judgeRestores, runRestoreChild, type SnapshotAttempt } from "./restore-checks.ts";

const programs = listPrograms();
/** Children running at once (the machines have two cores). */
const CHILD_CONCURRENCY = 2;
/** Above this many suspension points, a sample of them is visited (see pointsToVisit). */
const POINT_LIMIT = 60;
/** How much a late snapshot of a `snapshotSizeStable` program may exceed an early one (digits of counters). */
const SIZE_SLACK = 64;

/** The compiled programs and the runtime, in a worker thread (see Sandbox). */
const sandbox = new Sandbox();
afterAll(() => sandbox.close());

const compiledPaths = new Map<string, string>();
/** Compiles the program (once) with Babel 7 and loads it in the sandbox. */
function compiledPath(program: Program): string {
  let path = compiledPaths.get(program.name);
  if (path === undefined) {
    path = compileToFile(program.source, program.file, 7);
    compiledPaths.set(program.name, path);
  }
  sandbox.load(path);
  return path;
}

/** Runs at most `limit` of the given tasks at once. */
function limiter(limit: number) {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    while (active >= limit) await new Promise<void>((wake) => waiting.push(wake));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
const childSlot = limiter(CHILD_CONCURRENCY);

/** Why a program has nothing to snapshot, or null. */
function skipReason(native: ProgramModule, nativeTrace: Trace): string | null {
  if (typeof native.restoreExempt === "string") return native.restoreExempt;
  if (typeof native.knownDifference === "string") return `known difference from native generators: ${native.knownDifference}`;
  if ("threw" in nativeTrace[0]!) return "create() throws: there is no generator to snapshot";
  return null;
}

interface Plan {
  native: ProgramModule;
  nativeTrace: Trace;
  points: number[];
  skip: string | null;
}

function plan(program: Program): Plan {
  const native = loadNative(program);
  const nativeTrace = driver.driveAllNext(native);
  const points = driver.pointsToVisit(driver.suspensionCount(nativeTrace), POINT_LIMIT);
  return { native, nativeTrace, points, skip: skipReason(native, nativeTrace) };
}

const plans = new Map(programs.map((program) => [program.name, plan(program)]));

function testName(program: Program, skip: string | null): string {
  return skip ? `${program.name} (skipped: ${skip})` : program.name;
}

describe("snapshot, then restore in a fresh process", () => {
  for (const program of programs) {
    const { native, nativeTrace, points, skip } = plans.get(program.name)!;
    (skip === null ? it.concurrent : it.skip)(testName(program, skip), async () => {
      const path = compiledPath(program);
      const problems: string[] = [];
      const { parentTraces, blobs } = collectBlobs(sandbox.call<SnapshotAttempt[]>({ op: "snapshots", path, points }), native, problems);

      if (native.snapshotSizeStable) {
        const sized = blobs.filter(({ k }) => k >= 1);
        if (sized.length >= 2) {
          const early = sized[0]!;
          const late = sized[sized.length - 1]!;
          if (late.blob.length > early.blob.length + SIZE_SLACK) {
            problems.push(`the snapshot grows: ${early.blob.length} bytes at k=${early.k}, ${late.blob.length} at k=${late.k}`);
          }
        }
      }

      const results = blobs.length > 0 ? await childSlot(() => runRestoreChild(path, blobs, false)) : [];
      judgeRestores(results, parentTraces, nativeTrace, problems);
      failWith(problems);
    });
  }
});

describe("fork() in this process", () => {
  for (const program of programs) {
    const { native, nativeTrace, points, skip } = plans.get(program.name)!;
    (skip === null ? it : it.skip)(testName(program, skip), () => {
      const path = compiledPath(program);
      const problems: string[] = [];
      // The sandbox drives the fork to the end first, then the original, which
      // must not have been disturbed by the fork.
      judgeForks(sandbox.call<ForkAttempt[]>({ op: "forks", path, points }), native, nativeTrace, problems);
      failWith(problems);
    });
  }
});
