/**
 * Differential tests on generated programs (generate.ts): each runs natively
 * and compiled (Babel 7), under the corpus drivers — all next() to the end,
 * throw() and return() after every suspension point — and is forked at every
 * suspension point, the fork and the original each driven to the end. All
 * traces must equal the native ones.
 *
 * `npm test` checks GENERATED_PROGRAMS programs (default 60) from a fixed
 * seed; GENERATED_SEED picks another range. A failure prints the seed; write
 * the program out with `generateProgram(seed)` and add it to ./programs.
 */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../support/compile.ts";
import { generateProgram } from "./generate.ts";
import {
  compileProgram,
  driver,
  firstDifference,
  type ForkAttempt,
  generatedForkProblems,
  loadNative,
  Sandbox,
  type Program,
  type Trace,
  writeProgram,
} from "./load.ts";

const COUNT = Number(process.env["GENERATED_PROGRAMS"] ?? 60);
const FIRST_SEED = Number(process.env["GENERATED_SEED"] ?? 1);
const directory = join(projectRoot, ".cache", "generated");

const sandbox = new Sandbox();
afterAll(() => sandbox.close());

function programFor(seed: number): Program {
  return writeProgram(directory, `generated-${seed}.js`, generateProgram(seed));
}

function differences(seed: number): string[] {
  const program = programFor(seed);
  const native = loadNative(program);
  const path = compileProgram(program, 7);
  sandbox.load(path);
  const problems: string[] = [];
  const compare = (what: string, compiled: Trace, expected: Trace) => {
    const difference = firstDifference(compiled, expected);
    if (difference) problems.push(`${what}: first difference at ${difference}`);
  };
  const nativeTrace = driver.driveAllNext(native);
  compare("all next()", sandbox.call<Trace>({ op: "allNext", path }), nativeTrace);
  const points = driver.pointsToVisit(driver.suspensionCount(nativeTrace), 30);
  for (const k of points) {
    for (const kind of ["throw", "return"] as const) {
      compare(`${kind}() after ${k} next()`, sandbox.call<Trace>({ op: "injected", path, k, kind }), driver.driveInjected(native, k, kind));
    }
  }
  // The closures and accessors some programs keep across a yield cannot be copied; anything else must fork.
  problems.push(
    ...generatedForkProblems(
      sandbox.call<ForkAttempt[]>({ op: "forks", path, points }),
      nativeTrace,
      /function.* is not serializable|a getter or setter cannot be saved/,
    ),
  );
  return problems;
}

describe(`${COUNT} generated programs, native against compiled`, () => {
  for (let seed = FIRST_SEED; seed < FIRST_SEED + COUNT; seed++) {
    it(`seed ${seed}`, () => {
      const problems = differences(seed);
      expect(problems, `program (seed ${seed}):\n${generateProgram(seed)}`).toEqual([]);
    });
  }
});
