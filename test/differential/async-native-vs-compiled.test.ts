/**
 * Differential tests for async generators: every program in ./async-programs
 * (the corpus contract of native-vs-compiled.test.ts, with an annotated
 * `async function* main`) runs natively and compiled under Babel 7 and
 * Babel 8, under the drivers of async-driver.mjs, and the traces must be
 * equal: all next() (awaited) to the end; throw() and return() after every
 * suspension point; at every suspension point, each pattern of requests
 * made at once without awaiting (next next, next return next, return next…)
 * with a ticker counting microtask turns; random request sequences
 * (fast-check), each request awaited or left in flight; and every next() at
 * once from the start. Native programs run in this thread, compiled ones in a Sandbox.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BabelMajor } from "../support/compile.ts";
import {
  type AsyncOp,
  asyncDriver,
  asyncProgramsDir,
  compileProgram,
  driver,
  firstDifference,
  listPrograms,
  loadNative,
  type Program,
  type ProgramModule,
  Sandbox,
  seedOf,
  type Trace,
} from "./load.ts";

const programs = listPrograms(asyncProgramsDir);
const MAJORS: BabelMajor[] = [7, 8];
const sandboxes = new Map(MAJORS.map((major) => [major, new Sandbox()]));
const patterns = Object.keys(asyncDriver.CONCURRENT_PATTERNS);
const RANDOM_RUNS = 20;

const opArb: fc.Arbitrary<AsyncOp> = fc.record({
  kind: fc.constantFrom<AsyncOp["kind"]>("next", "next", "next", "next", "throw", "return"),
  value: fc.constantFrom<unknown>(undefined, 1, "r"),
  wait: fc.boolean(),
});

afterAll(() => {
  for (const sandbox of sandboxes.values()) sandbox.close();
});

describe("the async corpus", () => {
  it("has at least 20 programs", () => {
    expect(programs.length).toBeGreaterThanOrEqual(20);
  });
});

function expectSameTrace(compiled: Trace, native: Trace, what: string): void {
  const difference = firstDifference(compiled, native);
  if (difference) expect(compiled, `${what}: compiled and native first differ at ${difference}`).toEqual(native);
}

function describeProgram(program: Program) {
  describe(program.name, () => {
    let native: ProgramModule;
    let suspensions = 0;

    beforeAll(async () => {
      native = loadNative(program);
      suspensions = asyncDriver.suspensionCount(await asyncDriver.driveAllNext(native));
    });

    it("native: follows the corpus contract, finishes and is deterministic", async () => {
      expect(program.source).toMatch(/\/\*\s*@resumable\s*\*\/\s*(export\s+)?async\s+function\s*\*\s*main/);
      expect(Array.isArray(native.log)).toBe(true);
      expect(typeof native.create).toBe("function");
      const first = await asyncDriver.driveAllNext(native);
      expect(first.some((entry) => entry.capped || "hung" in entry)).toBe(false);
      expect(await asyncDriver.driveAllNext(native)).toEqual(first);
    });

    for (const major of MAJORS) {
      describe(`Babel ${major}`, () => {
        let path: string | undefined;
        let compileError: unknown;
        const sandbox = sandboxes.get(major)!;

        beforeAll(() => {
          try {
            path = compileProgram(program, major);
            sandbox.load(path);
          } catch (error) {
            compileError = error;
          }
        });

        const run = (request: { op: string; [key: string]: unknown }): Trace => {
          if (compileError !== undefined) throw compileError;
          return sandbox.call<Trace>({ ...request, path });
        };

        it("all next() to the end", async () => {
          expectSameTrace(run({ op: "asyncAllNext" }), await asyncDriver.driveAllNext(native), "all next()");
        });

        for (const kind of ["throw", "return"] as const) {
          it(`${kind}() at every suspension point`, async () => {
            for (const k of driver.pointsToVisit(suspensions)) {
              expectSameTrace(
                run({ op: "asyncInjected", k, kind }),
                await asyncDriver.driveInjected(native, k, kind),
                `${kind}() after ${k} next() calls`,
              );
            }
          });
        }

        it("requests made at once, at every suspension point", async () => {
          for (const k of driver.pointsToVisit(suspensions, 30)) {
            for (const pattern of patterns) {
              expectSameTrace(
                run({ op: "asyncConcurrent", k, pattern }),
                await asyncDriver.driveConcurrent(native, k, pattern),
                `"${pattern}" after ${k} next() calls`,
              );
            }
          }
        });

        it("random request sequences, some awaited, some in flight", async () => {
          const ops = fc.array(opArb, { maxLength: Math.min(suspensions + 3, 16) });
          await fc.assert(
            fc.asyncProperty(ops, async (sequence) => {
              expectSameTrace(run({ op: "asyncOps", ops: sequence }), await asyncDriver.driveOps(native, sequence), "random requests");
            }),
            { numRuns: RANDOM_RUNS, seed: seedOf(`${program.name} ${major}`) },
          );
        });

        it("every next() at once", async () => {
          const count = suspensions + 3;
          expectSameTrace(run({ op: "asyncAllAtOnce", count }), await asyncDriver.driveAllAtOnce(native, count), `${count} next() at once`);
        });
      });
    }
  });
}

for (const program of programs) describeProgram(program);
