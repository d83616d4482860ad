/**
 * `node --import resumable-generators/register`: TypeScript and annotated
 * JavaScript run without a build step, stack traces point at the source
 * lines, unannotated JavaScript is left alone, and the output is cached.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../support/compile.js";

const scratch = join(projectRoot, ".cache", "register-test");

function run(entry: string, cacheDir: string): string {
  return execFileSync(process.execPath, ["--import", "resumable-generators/register", entry], {
    cwd: projectRoot,
    encoding: "utf8",
    env: { ...process.env, RESUMABLE_GENERATORS_CACHE: cacheDir },
  });
}

describe("the register hook", () => {
  it("runs annotated TypeScript, maps stack traces to the .ts lines, and caches the output", () => {
    rmSync(scratch, { recursive: true, force: true });
    mkdirSync(scratch, { recursive: true });
    const cacheDir = join(scratch, "cache");
    writeFileSync(
      join(scratch, "steps.ts"),
      [
        "interface Step { n: number }",
        "/* @resumable */",
        "export function* steps(limit: number): Generator<Step, void, undefined> {",
        "  for (let n = 0; n < limit; n++) {",
        "    if (n === 2) throw new Error(`stop at ${n}`);",
        "    yield { n };",
        "  }",
        "}",
      ].join("\n"),
    );
    writeFileSync(
      join(scratch, "main.ts"),
      [
        'import { isResumable } from "resumable-generators";',
        'import { steps } from "./steps.ts";',
        "const gen = steps(5);",
        "const seen: number[] = [];",
        "try {",
        "  for (const step of gen) seen.push(step.n);",
        "} catch (error) {",
        '  const frame = (error as Error).stack!.split("\\n").find((line) => line.includes("steps.ts"));',
        '  const next = (error as Error).stack!.split("\\n").find((line) => line.includes("at next"));',
        "  console.log(JSON.stringify({ resumable: isResumable(gen), seen, frame, next }));",
        "}",
      ].join("\n"),
    );
    const first = JSON.parse(run(join(scratch, "main.ts"), cacheDir)) as {
      resumable: boolean;
      seen: number[];
      frame: string;
      next: string;
    };
    expect(first.resumable).toBe(true);
    expect(first.seen).toEqual([0, 1]);
    expect(first.frame).toMatch(/steps\.ts:5:\d+/);
    // The frame class's own next() maps to the generator's first line, not to code before it.
    expect(first.next).toMatch(/at next \(.*steps\.ts:3:\d+\)/);
    const cached = readdirSync(cacheDir).filter((name) => name.endsWith(".js"));
    expect(cached.length).toBe(2); // main.ts (types stripped) and steps.ts (compiled)
    // A second start reads the cache and behaves the same.
    expect(JSON.parse(run(join(scratch, "main.ts"), cacheDir))).toEqual(first);
    expect(readdirSync(cacheDir).filter((name) => name.endsWith(".js")).length).toBe(2);
  });

  it("leaves JavaScript without the annotation untouched", () => {
    mkdirSync(scratch, { recursive: true });
    const cacheDir = join(scratch, "cache-plain");
    rmSync(cacheDir, { recursive: true, force: true });
    const entry = join(scratch, "plain.mjs");
    writeFileSync(entry, "function* g() { yield 1; }\nconsole.log(Object.getPrototypeOf(g) === Object.getPrototypeOf(function* () {}));\n");
    expect(run(entry, cacheDir).trim()).toBe("true");
    expect(() => readdirSync(cacheDir)).toThrow(); // nothing compiled, nothing cached
  });

  it("refuses to import an annotated CommonJS file it cannot compile, instead of running it natively", () => {
    mkdirSync(scratch, { recursive: true });
    writeFileSync(join(scratch, "annotated.cjs"), "/* @resumable */ exports.g = function* () { yield 1; };\n");
    writeFileSync(join(scratch, "plain.cjs"), "// not annotated\nexports.h = function* () { yield 2; };\n");
    const entry = join(scratch, "imports-commonjs.mjs");
    writeFileSync(
      entry,
      [
        'const plain = await import("./plain.cjs");',
        "console.log([...plain.h()].join());",
        'await import("./annotated.cjs").catch((error) => console.log(error.message));',
      ].join("\n"),
    );
    const [plainOut, refusal] = run(entry, join(scratch, "cache-commonjs")).trim().split("\n");
    expect(plainOut).toBe("2");
    expect(refusal).toMatch(
      /^resumable-generators\/register: .*annotated\.cjs is a CommonJS module with @resumable generators, and the hook compiles ES modules only; make it an ES module/,
    );
  });

  it("caches in the project's node_modules, whatever directory the process starts in", () => {
    const project = join(scratch, "project");
    const elsewhere = join(scratch, "elsewhere");
    rmSync(project, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
    mkdirSync(project, { recursive: true });
    mkdirSync(elsewhere, { recursive: true });
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "some-project", type: "module" }));
    writeFileSync(join(project, "main.ts"), 'const greeting: string = "typed";\nconsole.log(greeting);\n');
    const env = { ...process.env };
    delete env["RESUMABLE_GENERATORS_CACHE"];
    const out = execFileSync(process.execPath, ["--import", "resumable-generators/register", join(project, "main.ts")], {
      cwd: elsewhere,
      encoding: "utf8",
      env,
    });
    expect(out).toBe("typed\n");
    expect(
      readdirSync(join(project, "node_modules", ".cache", "resumable-generators")).filter((name) => name.endsWith(".js")),
    ).toHaveLength(1);
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});
