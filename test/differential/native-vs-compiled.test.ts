/**
 * Differential tests: every program in ./programs runs natively (V8's own
 * generators: the annotation is only a comment) and compiled by the plugin
 * under Babel 7 and Babel 8, under the same drivers, and the whole traces
 * must be equal.
 *
 * A program is a plain ES module:
 *   export const log = [];            side effects to record (emptied before each run)
 *   export function* main(...) {}     annotated with a `@resumable` block comment
 *   export const create = (self) => main(1, 2);   a fresh generator to drive; `self` is the
 *                                     module namespace (for an anonymous default export)
 *   export const sends = [...];       optional: the value of the i-th call's next() (default i * 10)
 * and optionally `snapshotRefusal`, `restoreExempt`, `snapshotSizeStable`
 * for restore-in-child.test.ts (see load.ts).
 *
 * The drivers and the trace format are in driver.mjs: all next() to the end;
 * throw(new Error("injected")) and return("early") after k next() calls for
 * every suspension point k; and random call sequences from fast-check.
 * Native programs run in this thread, compiled ones in a Sandbox (load.ts).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BabelMajor } from "../support/compile.ts";
import {
  compileProgram,
  driver,
  firstDifference,
  listPrograms,
  loadNative,
  type Op,
  type Program,
  type ProgramModule,
  Sandbox,
  SandboxTimeout,
  seedOf,
  type Trace,
} from "./load.ts";

const programs = listPrograms();
const MAJORS: BabelMajor[] = [7, 8];
const RANDOM_RUNS = 30;
/** One sandbox per Babel major: the two builds of a program register the same function ids. */
const sandboxes = new Map(MAJORS.map((major) => [major, new Sandbox()]));

afterAll(() => {
  for (const sandbox of sandboxes.values()) sandbox.close();
});

describe("the corpus", () => {
  it("has at least 160 programs", () => {
    expect(programs.length).toBeGreaterThanOrEqual(160);
  });
});

const valueArb = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: -2, max: 60 }),
  fc.constantFrom<unknown>("s", "", null, true, "stop", "reset"),
);

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.oneof(
      fc.constant<Op>({ kind: "next", send: true }),
      valueArb.map((value): Op => ({ kind: "next", value })),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.constant<Op>({ kind: "throw", error: true }),
      valueArb.map((value): Op => ({ kind: "throw", value })),
    ),
  },
  { weight: 1, arbitrary: valueArb.map((value): Op => ({ kind: "return", value })) },
);

/** Fails with the first differing entry in the message, and the full diff below it. */
function expectSameTrace(compiled: Trace, native: Trace, what: string): void {
  const difference = firstDifference(compiled, native);
  if (difference) expect(compiled, `${what}: compiled and native first differ at ${difference}`).toEqual(native);
}

/**
 * The compiled program's drivers, run in the sandbox. After one call timed
 * out, later calls fail at once (fast-check's shrinking would otherwise wait
 * out the deadline again and again).
 */
class Compiled {
  private timedOut: SandboxTimeout | undefined;
  constructor(
    private readonly sandbox: Sandbox,
    private readonly path: string,
  ) {}
  private run(request: { op: string; [key: string]: unknown }): Trace {
    if (this.timedOut) throw new Error(`an earlier call timed out (${this.timedOut.message})`);
    this.sandbox.load(this.path);
    try {
      return this.sandbox.call<Trace>({ ...request, path: this.path });
    } catch (error) {
      if (error instanceof SandboxTimeout) this.timedOut = error;
      throw error;
    }
  }
  allNext(): Trace {
    return this.run({ op: "allNext" });
  }
  injected(k: number, kind: "throw" | "return"): Trace {
    return this.run({ op: "injected", k, kind });
  }
  ops(ops: Op[]): Trace {
    return this.run({ op: "ops", ops });
  }
}

/** A program that shows a documented difference from native generators (README). */
function knownDifference(program: Program): string | undefined {
  return /export const knownDifference = "([^"]+)"/.exec(program.source)?.[1];
}

function describeProgram(program: Program) {
  const known = knownDifference(program);
  (known ? describe.skip : describe)(known ? `${program.name} (known difference: ${known})` : program.name, () => {
    let native: ProgramModule;
    let suspensions = 0;

    beforeAll(() => {
      native = loadNative(program);
      suspensions = driver.suspensionCount(driver.driveAllNext(native));
    });

    it("native: follows the corpus contract, finishes and is deterministic", () => {
      expect(program.source).toMatch(/\/\*\s*@resumable/);
      expect(Array.isArray(native.log)).toBe(true);
      expect(typeof native.create).toBe("function");
      if (native.sends !== undefined) expect(Array.isArray(native.sends)).toBe(true);
      const first = driver.driveAllNext(native);
      expect(first.some((entry) => entry.capped)).toBe(false);
      expect(driver.driveAllNext(native)).toEqual(first);
    });

    for (const major of MAJORS) {
      describe(`Babel ${major}`, () => {
        let compiled: Compiled | undefined;
        let compileError: unknown;

        beforeAll(() => {
          try {
            compiled = new Compiled(sandboxes.get(major)!, compileProgram(program, major));
          } catch (error) {
            compileError = error;
          }
        });

        const get = (): Compiled => {
          if (compileError !== undefined) throw compileError;
          return compiled!;
        };

        it("all next() to the end", () => {
          expectSameTrace(get().allNext(), driver.driveAllNext(native), "all next()");
        });

        for (const kind of ["throw", "return"] as const) {
          it(`${kind}() at every suspension point`, () => {
            const mod = get();
            for (const k of driver.pointsToVisit(suspensions)) {
              expectSameTrace(mod.injected(k, kind), driver.driveInjected(native, k, kind), `${kind}() after ${k} next() calls`);
            }
          });
        }

        it("random call sequences", () => {
          const mod = get();
          const ops = fc.array(opArb, { maxLength: Math.min(suspensions + 3, 24) });
          fc.assert(
            fc.property(ops, (sequence) => {
              expectSameTrace(mod.ops(sequence), driver.driveOps(native, sequence), "random calls");
            }),
            { numRuns: RANDOM_RUNS, seed: seedOf(`${program.name} ${major}`) },
          );
        });
      });
    }
  });
}

for (const program of programs) describeProgram(program);
