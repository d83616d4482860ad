/**
 * `npx resumable-generators inspect <file>`: a snapshot printed like a
 * debugger's stack, and a clear refusal for a file that is not one.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileToFile, projectRoot } from "../support/compile.js";

/** What the package's `bin` runs. */
const cli = join(projectRoot, "dist", "bundle", "cli.js");
const runtime = "resumable-generators";
const scratch = join(projectRoot, ".cache", "inspect-test");

const SOURCE = `
/* @resumable */
function* inner(n) {
  for (let i = 0; i < n; i++) {
    /* @resume "step" */ yield i;
  }
}
/* @resumable */
export function* outer() {
  const note = "hello";
  const got = yield* inner(3);
  return [note, got];
}
`;

describe("resumable-generators inspect", () => {
  it("prints the yield* stack, innermost last, with resume points and locals", () => {
    mkdirSync(scratch, { recursive: true });
    const module = compileToFile(SOURCE, join(projectRoot, "test", "fixtures", "inspect-subject.js"));
    const blob = execFileSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import { snapshot } from ${JSON.stringify(runtime)}; import { outer } from ${JSON.stringify(module)}; const g = outer(); g.next(); g.next(); process.stdout.write(snapshot(g));`,
      ],
      { encoding: "utf8" },
    );
    const file = join(scratch, "outer.json");
    writeFileSync(file, blob);
    const out = execFileSync(process.execPath, [cli, "inspect", file], { encoding: "utf8" });
    const lines = out.split("\n");
    expect(lines[0]).toMatch(/outer\.json: \d+ bytes, unsigned, 2 frame\(s\)$/);
    const outerLine = lines.findIndex((line) => line.startsWith("#0 outer"));
    const innerLine = lines.findIndex((line) => line.startsWith("#1 inner"));
    expect(outerLine).toBeGreaterThan(0);
    expect(innerLine).toBeGreaterThan(outerLine);
    expect(out).toContain("(root)");
    expect(out).toContain("(delegate)");
    expect(out).toContain('suspended at yield #0 "step", line 5');
    expect(out).toContain("note = 'hello'");
    expect(out).toContain("i = 1");
  });

  it("refuses a file that is not a snapshot, with the reason", () => {
    mkdirSync(scratch, { recursive: true });
    const file = join(scratch, "broken.json");
    writeFileSync(file, '{"format":"resumable-generators","version":1,"graph":{"values":[["Map",1]],"root":[0]}}');
    const result = spawnSync(process.execPath, [cli, "inspect", file], { encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/broken\.json: CorruptSnapshotError: /);
  });

  it("shows control characters from the blob as escapes, never sends them to the terminal", () => {
    mkdirSync(scratch, { recursive: true });
    const file = join(scratch, "escapes.json");
    // A blob from outside whose function id and whose local's key try to retitle and clear the terminal.
    const hostile = "\u001b]0;owned\u0007\u001b[2J\n#1 forged  src/ok.js  [trusted @ v]";
    const graph = { values: [["fields", `frame:src/x.js#${hostile}`, null, "#version", "v", "#at", 0, `${hostile}key`, 1]], root: [0] };
    writeFileSync(file, JSON.stringify({ format: "resumable-generators", version: 2, graph }));
    const out = execFileSync(process.execPath, [cli, "inspect", file], { encoding: "utf8" });
    expect(out).not.toMatch(/[\u001b\u0007]/);
    // Nor can a newline in it start a line of its own.
    expect(out.split("\n").some((line) => line.startsWith("#1 forged"))).toBe(false);
    expect(out).toContain("\\u001b]0;owned\\u0007");
  });

  it("prints source lines only from the project's module files, never another file a blob from outside names", () => {
    mkdirSync(scratch, { recursive: true });
    const dir = ".cache/inspect-test";
    writeFileSync(join(scratch, "module.js"), "first line\nexport function* g() {}\n");
    writeFileSync(join(scratch, "secret.env"), "API_KEY=do-not-print\n");
    const link = join(scratch, "link.js");
    rmSync(link, { force: true });
    symlinkSync("/etc/hostname", link);
    const fifo = join(scratch, "fifo.js");
    rmSync(fifo, { force: true });
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const frameNaming = (file: string) => ["fields", `frame:${dir}/${file}#g`, null, "#version", "v", "#at", 0, "#line", 1];
    const values = [["Array", [1], [2], [3], [4]], ...["module.js", "secret.env", "link.js", "fifo.js"].map(frameNaming)];
    const file = join(scratch, "names-files.json");
    writeFileSync(file, JSON.stringify({ format: "resumable-generators", version: 2, graph: { values, root: [0] } }));
    // From a subdirectory of the project too: the blob's names start at its root.
    const out = execFileSync(process.execPath, [cli, "inspect", file], { encoding: "utf8", cwd: scratch, timeout: 10_000 });
    expect(out).toContain("    1 | first line");
    expect(out).not.toContain("API_KEY");
    expect(out.match(/ {4}1 \| /g)).toHaveLength(1);
  });

  it("explains its usage", () => {
    const result = spawnSync(process.execPath, [cli], { encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("usage: resumable-generators inspect <snapshot-file>\n");
  });
});
