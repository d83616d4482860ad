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

  it("refuses a hook that returns a local the new code does not have, naming the migration", () => {
    const out = run(`
      import { restore } from ${JSON.stringify(runtime)};
      import ${JSON.stringify(v2)};
      const hook = (old) => ({ resumePoint: "tick", locals: { ...old.locals, total: 6, bogus: 1 } });
      try { restore(${JSON.stringify(blob)}, { migrate: { "demo.counter": hook } }); }
      catch (e) { console.log(e.name, e.message); }
    `);
    expect(out).toMatch(
      /^SnapshotError .*the migration for "demo.counter" returned "bogus", which the new code has no local for \(its locals: limit, count, total\)$/,
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

describe("a generator saved before it started, restored by code whose parameters were renamed", () => {
  const source = (parameter: string) => `
/* @resumable("demo.renamed") */
export function* countTo(${parameter}) {
  for (let i = 1; i <= ${parameter}; i++) yield i;
}
`;
  const v1 = compileToFile(source("limit"), join(projectRoot, "test", "fixtures", "renamed-v1.js"));
  const v2 = compileToFile(source("max"), join(projectRoot, "test", "fixtures", "renamed-v2.js"));
  const blob = run(`
    import { snapshot } from ${JSON.stringify(runtime)};
    import { countTo } from ${JSON.stringify(v1)};
    process.stdout.write(snapshot(countTo(3)));
  `);

  it("gives the hook its arguments (status start, no resume point) and takes the new parameters from it", () => {
    const out = run(`
      import { restore } from ${JSON.stringify(runtime)};
      import ${JSON.stringify(v2)};
      const seen = [];
      const gen = restore(${JSON.stringify(blob)}, {
        migrate: { "demo.renamed": (old) => (seen.push(old.status, old.resumePoint), { locals: { max: old.locals.limit } }) },
      });
      console.log(JSON.stringify([seen, [...gen]]));
    `);
    expect(out).toBe('[["start",null],[1,2,3]]');
  });

  it("refuses locals that are not the new parameters, naming them", () => {
    const out = run(`
      import { restore } from ${JSON.stringify(runtime)};
      import ${JSON.stringify(v2)};
      try { restore(${JSON.stringify(blob)}, { migrate: { "demo.renamed": (old) => ({ locals: old.locals }) } }); }
      catch (e) { console.log(e.name, e.message); }
    `);
    expect(out).toMatch(
      /^SnapshotError .*the migration for "demo.renamed" returned locals \["limit"\] for a generator that has not started, whose locals are its arguments: \["max"\] in the new code; return each of those/,
    );
  });
});

describe("a migration that moves a frame from a plain yield to a yield*", () => {
  const source = (body: string) => `
/* @resumable */
function* inner() { yield "inner"; return "done"; }
/* @resumable("demo.moved") */
export function* outer() {
${body}
}
`;
  const v1 = compileToFile(
    source('/* @resume "plain" */ yield "plain"; const r = /* @resume "delegating" */ yield* inner(); yield r;'),
    join(projectRoot, "test", "fixtures", "moved-v1.js"),
  );
  const v2 = compileToFile(
    source('const r = /* @resume "delegating" */ yield* inner(); /* @resume "plain" */ yield "plain, later"; yield r;'),
    join(projectRoot, "test", "fixtures", "moved-v2.js"),
  );
  const blob = run(`
    import { snapshot } from ${JSON.stringify(runtime)};
    import { outer } from ${JSON.stringify(v1)};
    const gen = outer(); gen.next();
    process.stdout.write(snapshot(gen));
  `);

  it("is refused, naming the migration: the old frame has no generator to delegate to", () => {
    const out = run(`
      import { restore } from ${JSON.stringify(runtime)};
      import ${JSON.stringify(v2)};
      try { restore(${JSON.stringify(blob)}, { migrate: { "demo.moved": () => ({ resumePoint: "delegating", locals: {} }) } }); }
      catch (e) { console.log(e.name, e.message); }
    `);
    expect(out).toMatch(
      /^SnapshotError .*the migration for "demo.moved" returned resume point "delegating", a yield\*, but the old frame was at a plain yield \(resume point 0\), with no generator to delegate to; a frame moves to a yield\* only from one$/,
    );
  });
});

describe("a labelled resume point that moved", () => {
  const v1 = compileToFile(
    '/* @resumable("demo.moved-label") */\nexport function* c(limit) { let n = 1; /* @resume "tick" */ yield n; return n; }\n',
    join(projectRoot, "test", "fixtures", "moved-label-v1.js"),
  );
  const v2 = compileToFile(
    '/* @resumable("demo.moved-label") */\nexport function* c(limit) { const a = yield "hello"; let n = 1; /* @resume "tick" */ yield n; return n + a; }\n',
    join(projectRoot, "test", "fixtures", "moved-label-v2.js"),
  );
  const blob = run(`
    import { snapshot } from ${JSON.stringify(runtime)};
    import { c } from ${JSON.stringify(v1)};
    const gen = c(3); gen.next();
    process.stdout.write(snapshot(gen));
  `);

  it("is refused with the new code's locals at the point of the same label, not of the same number", () => {
    const out = run(`
      import { restore } from ${JSON.stringify(runtime)};
      import ${JSON.stringify(v2)};
      try { restore(${JSON.stringify(blob)}); } catch (e) { console.log(e.name, e.message); }
    `);
    expect(out).toMatch(
      /suspended at resume point 0 "tick", line 2 of the old code; saved locals: n; locals of the new code there: (a, n|n, a)\./,
    );
  });
});
