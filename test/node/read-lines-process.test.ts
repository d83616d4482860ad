/**
 * A resumable generator looping over readLines() is snapshotted in one
 * process and restored in a fresh one (both under the module hook, as a user
 * runs them): the restored process continues with the next line, and a
 * changed file is a clear error unless the restore accepts it.
 */
import { appendFileSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixture, lastJson, runNode } from "./fixtures/child.ts";

const dir = mkdtempSync(join(tmpdir(), "read-lines-process-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const job = fixture("lines-job.ts");

interface Loaded {
  values?: string[];
  returned?: number;
  error?: string;
  message?: string;
}

function save(path: string, lines: number, chunkSize: number, name: string): { blob: string; values: string[] } {
  const blob = join(dir, `${name}.snapshot.json`);
  const result = runNode(job, ["save", path, String(lines), blob, String(chunkSize)]);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return { blob, values: lastJson<{ values: string[] }>(result.stdout).values };
}

function load(blob: string, accept = false): { status: number | null; out: Loaded } {
  const result = runNode(job, ["load", blob, ...(accept ? ["accept"] : [])]);
  return { status: result.status, out: lastJson<Loaded>(result.stdout) };
}

const numbered = (lines: string[]): string[] => lines.map((line, i) => `${i + 1}:${line}`);

describe("readLines in a resumable generator, restored in a fresh process", () => {
  it("continues mid-file with the next line (tiny chunks, CRLF, multi-byte characters, no final newline)", () => {
    const lines = ["première ligne", "", "日本語のテキスト", "emoji 🚀 here", "", "crlf line", "last"];
    const path = join(dir, "small.txt");
    writeFileSync(path, "première ligne\n\r\n日本語のテキスト\n" + "emoji 🚀 here\n\ncrlf line\r\nlast");
    for (const k of [0, 1, 3, 6, 7]) {
      const { blob, values } = save(path, k, 3, `small-${k}`);
      const { status, out } = load(blob);
      expect(status, out.message).toBe(0);
      expect([...values, ...out.values!], `after ${k} lines`).toEqual(numbered(lines));
      expect(out.returned).toBe(lines.length);
    }
  });

  it("continues past the first 64 KiB", () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `${i} ${"ü".repeat(i % 13)}`);
    const path = join(dir, "big.txt");
    writeFileSync(path, lines.join("\n") + "\n");
    const { blob, values } = save(path, 15_000, 4096, "big");
    const { status, out } = load(blob);
    expect(status, out.message).toBe(0);
    expect([...values, ...out.values!]).toEqual(numbered(lines));
  });

  it("refuses a changed file with a FileChangedError, and continues when the restore accepts it", () => {
    const path = join(dir, "changing.txt");
    writeFileSync(path, "one\ntwo\nthree\n");
    utimesSync(path, 1_700_000_000, 1_700_000_000);
    const { blob, values } = save(path, 2, 4, "changing");
    appendFileSync(path, "four\n");
    const refused = load(blob);
    expect(refused.status).toBe(2);
    expect(refused.out.error).toBe("FileChangedError");
    expect(refused.out.message).toContain(`${path} changed since the snapshot was taken at byte 8 (line 2)`);
    expect(refused.out.message).toContain("its size is 19 bytes, it was 14");
    const accepted = load(blob, true);
    expect(accepted.status, accepted.out.message).toBe(0);
    expect([...values, ...accepted.out.values!]).toEqual(numbered(["one", "two", "three", "four"]));
  });
});
