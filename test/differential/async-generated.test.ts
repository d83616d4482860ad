/**
 * Differential tests on generated async programs (generateAsyncProgram in
 * generate.ts): each runs natively and compiled (Babel 7) under the async
 * drivers: all next() to the end, throw() and return() after suspension
 * points, two request patterns made at once, and fork() at suspension
 * points, the fork and the original each driven to the end.
 *
 * `npm test` checks ASYNC_GENERATED_PROGRAMS programs (default 30) from a
 * fixed seed; GENERATED_SEED picks another range. A failure prints the
 * program; add it to ./async-programs.
 */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../support/compile.ts";
import { generateAsyncProgram } from "./generate.ts";
import {
  asyncDriver,
  compileProgram,
  driver,
  firstDifference,
  type ForkAttempt,
  generatedForkProblems,
  loadNative,
  type Program,
  Sandbox,
  type Trace,
  writeProgram,
} from "./load.ts";

const COUNT = Number(process.env["ASYNC_GENERATED_PROGRAMS"] ?? 30);
const FIRST_SEED = Number(process.env["GENERATED_SEED"] ?? 1);
const directory = join(projectRoot, ".cache", "generated-async");

const sandbox = new Sandbox();
afterAll(() => sandbox.close());

function programFor(seed: number): Program {
  return writeProgram(directory, `generated-async-${seed}.js`, generateAsyncProgram(seed));
}

async function differences(seed: number): Promise<string[]> {
  const program = programFor(seed);
  const native = loadNative(program);
  const path = compileProgram(program, 7);
  sandbox.load(path);
  const problems: string[] = [];
  const compare = (what: string, compiled: Trace, expected: Trace) => {
    const difference = firstDifference(compiled, expected);
    if (difference) problems.push(`${what}: first difference at ${difference}`);
  };
  const nativeTrace = await asyncDriver.driveAllNext(native);
  compare("all next()", sandbox.call<Trace>({ op: "asyncAllNext", path }), nativeTrace);
  const points = driver.pointsToVisit(asyncDriver.suspensionCount(nativeTrace), 20);
  for (const k of points) {
    for (const kind of ["throw", "return"] as const) {
      compare(
        `${kind}() after ${k} next()`,
        sandbox.call<Trace>({ op: "asyncInjected", path, k, kind }),
        await asyncDriver.driveInjected(native, k, kind),
      );
    }
    for (const pattern of ["next next", "next return next"]) {
      compare(
        `"${pattern}" after ${k} next()`,
        sandbox.call<Trace>({ op: "asyncConcurrent", path, k, pattern }),
        await asyncDriver.driveConcurrent(native, k, pattern),
      );
    }
  }
  // Closures, accessors, promises and thenables some programs keep across a yield cannot be copied; anything else must fork.
  problems.push(
    ...generatedForkProblems(
      sandbox.call<ForkAttempt[]>({ op: "asyncForks", path, points }),
      nativeTrace,
      /function.* is not serializable|a getter or setter cannot be saved|a Promise is not serializable/,
    ),
  );
  return problems;
}

describe(`${COUNT} generated async programs, native against compiled`, () => {
  for (let seed = FIRST_SEED; seed < FIRST_SEED + COUNT; seed++) {
    it(`seed ${seed}`, async () => {
      const problems = await differences(seed);
      expect(problems, `program (seed ${seed}):\n${generateAsyncProgram(seed)}`).toEqual([]);
    });
  }
});
