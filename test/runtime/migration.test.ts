/**
 * The README's worked example: a function changed between snapshot and
 * restore, each side in its own process, with and without a migration hook.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileToFile, projectRoot } from "../support/compile.js";
import { counterVersions, runModuleScript } from "../support/counter-versions.js";

const [VERSION_1, VERSION_2] = counterVersions("demo.counter");

const runtime = "resumable-generators";

const run = runModuleScript;

describe("a function changed between snapshot and restore", () => {
  const v1 = compileToFile(VERSION_1, join(projectRoot, "test", "fixtures", "counter-v1.js"));
  const v2 = compileToFile(VERSION_2, join(projectRoot, "test", "fixtures", "counter-v2.js"));
  const blob = run(`
    import { snapshot } from ${JSON.stringify(runtime)};
    import { counter } from ${JSON.stringify(v1)};
    const gen = counter(5); gen.next(); gen.next(); gen.next();
    process.stdout.write(snapshot(gen));
  `);

  it("is refused without a migration, naming what changed", () => {
    const out = run(`
      import { restore, VersionMismatchError } from ${JSON.stringify(runtime)};
      import ${JSON.stringify(v2)};
      try { restore(${JSON.stringify(blob)}); console.log("restored?!"); }
      catch (e) { console.log(e instanceof VersionMismatchError, e.message); }
    `);
    expect(out).toMatch(
      /^true counter \(test\/fixtures\/counter-v2.js:3\): the snapshot was written by version [0-9a-f]{16}:[0-9a-f]{8} of this function, the loaded code is version [0-9a-f]{16}:[0-9a-f]{8}; the frame is suspended at resume point 0 "tick", line 7 of the old code; saved locals: count, limit; locals of the new code there: count, limit, total\./,
    );
  });

  it("continues in the new code with a migration hook", () => {
    const out = run(`
      import { restore } from ${JSON.stringify(runtime)};
      import ${JSON.stringify(v2)};
      const gen = restore(${JSON.stringify(blob)}, {
        migrate: {
          "demo.counter": (old) => ({
            resumePoint: old.resumePoint.label,
            locals: { ...old.locals, total: (old.locals.count * (old.locals.count + 1)) / 2 },
          }),
        },
      });
      console.log(JSON.stringify([...gen]));
    `);
    expect(out).toBe("[[4,10],[5,15]]");
  });

  it("refuses a hook that leaves out a local the new code reads after the resume point", () => {
    // Left out, \`total\` would have been undefined, and the counter would have yielded NaN.
    const out = run(`
      import { restore } from ${JSON.stringify(runtime)};
      import ${JSON.stringify(v2)};
      try { restore(${JSON.stringify(blob)}, { migrate: { "demo.counter": (old) => ({ resumePoint: "tick", locals: old.locals }) } }); }
      catch (e) { console.log(e.name, e.message); }
    `);
    expect(out).toMatch(
      /SnapshotError .*the migration for "demo.counter" returned no value for "total", which the new code reads after resume point "tick"; return each in locals \(undefined if that is what it should be\)/,
    );
  });

  it("refuses a hook that names a resume point the new code lacks", () => {
    const out = run(`
      import { restore } from ${JSON.stringify(runtime)};
      import ${JSON.stringify(v2)};
      try { restore(${JSON.stringify(blob)}, { migrate: { "demo.counter": () => ({ resumePoint: "gone", locals: {} }) } }); }
      catch (e) { console.log(e.name, e.message); }
    `);
    expect(out).toMatch(
      /SnapshotError .*the migration for "demo.counter" returned resume point "gone", which the new code does not have \(it has: 0 "tick"\)/,
    );
  });
});
