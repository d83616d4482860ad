/**
 * readLines(): what a line is, chunk boundaries, and what a saved reader
 * does when restored against the same file, a changed one, or none.
 * Saving and restoring here go through the checkpoint codec in this
 * process; read-lines-process.test.ts restores in a fresh process.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SnapshotError } from "resumable-generators";
import { restoreValue, snapshotValue } from "resumable-generators";
import { acceptChangedFiles, FileChangedError, LineReader, readLines, SAMPLE_BYTES } from "resumable-generators/node";

const dir = mkdtempSync(join(tmpdir(), "read-lines-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
function file(content: string | Buffer): string {
  const path = join(dir, `f${++files}.txt`);
  writeFileSync(path, content);
  return path;
}

/** What the reader should return: split on \n, drop one \r before it, no empty line after a final \n. */
function expectedLines(text: string): string[] {
  if (text === "") return [];
  const parts = text.split("\n");
  if (parts[parts.length - 1] === "") parts.pop();
  return parts.map((part, i) => (i < parts.length - 1 || text.endsWith("\n") ? part.replace(/\r$/, "") : part));
}

function take(reader: LineReader, count: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const result = reader.next();
    if (result.done) break;
    lines.push(result.value);
  }
  return lines;
}

/** A reader saved and restored, as a snapshot would (the codec and the registered hooks). */
function roundTrip(reader: LineReader): LineReader {
  return restoreValue(snapshotValue(reader)) as LineReader;
}

/** Sets a whole-second mtime, so a test can put it back exactly after changing the file. */
function pinMtime(path: string, seconds = 1_700_000_000): void {
  utimesSync(path, seconds, seconds);
}

describe("readLines: what a line is", () => {
  const cases: Array<[string, string, string[]]> = [
    ["an empty file", "", []],
    ["one newline", "\n", [""]],
    ["one CRLF", "\r\n", [""]],
    ["no final newline", "a\nb", ["a", "b"]],
    ["a final newline", "a\nb\n", ["a", "b"]],
    ["CRLF line ends", "a\r\nb\r\nc", ["a", "b", "c"]],
    ["mixed line ends", "a\r\nb\nc\r\n", ["a", "b", "c"]],
    ["empty lines", "a\n\n\nb\n\n", ["a", "", "", "b", ""]],
    ["empty lines with CRLF", "\r\n\r\na\r\n", ["", "", "a"]],
    ["a lone CR stays in the line", "a\rb\nc\r", ["a\rb", "c\r"]],
    ["CR CR LF drops one CR", "a\r\r\nb", ["a\r", "b"]],
    ["only text", "just one line", ["just one line"]],
  ];
  for (const [name, text, lines] of cases) {
    it(`${name}, at every chunk size`, () => {
      expect(expectedLines(text)).toEqual(lines);
      const path = file(text);
      for (const chunkSize of [1, 2, 3, 4, 5, 7, 64 * 1024]) {
        expect([...readLines(path, { chunkSize })], `chunkSize ${chunkSize}`).toEqual(lines);
      }
    });
  }

  it("decodes multi-byte characters split across chunk boundaries", () => {
    // 2-, 3- and 4-byte sequences at every alignment relative to the chunks.
    const text = "é\nñandú 日本語\r\n🚀🚀x\n€\n\n𝄞 clef é🚀日\r\nlast 🎉";
    const lines = expectedLines(text);
    const path = file(text);
    for (let chunkSize = 1; chunkSize <= 16; chunkSize++) {
      expect([...readLines(path, { chunkSize })], `chunkSize ${chunkSize}`).toEqual(lines);
    }
    expect(lines).toContain("𝄞 clef é🚀日");
  });

  it("keeps invalid UTF-8 as replacement characters, line by line", () => {
    const path = file(Buffer.from([0x61, 0xff, 0x0a, 0xe6, 0x97, 0x0a, 0x62]));
    expect([...readLines(path, { chunkSize: 1 })]).toEqual(["a\ufffd", "\ufffd", "b"]);
  });

  it("reads a file much larger than the chunk, and a line longer than several chunks", () => {
    const parts: string[] = [];
    for (let i = 0; i < 20_000; i++) parts.push(`${i} ${"x".repeat(i % 37)}${i % 5 === 0 ? " ü" : ""}`);
    parts.push("y".repeat(3 * SAMPLE_BYTES + 123));
    parts.push("tail");
    const text = parts.join("\n");
    const path = file(text);
    for (const chunkSize of [1000, 4096, 65536]) {
      const reader = readLines(path, { chunkSize });
      expect([...reader]).toEqual(expectedLines(text));
      expect(reader.offset).toBe(statSync(path).size);
      expect(reader.lineNumber).toBe(expectedLines(text).length);
    }
  });

  it("tracks the byte offset and the line number of the next line", () => {
    const path = file("ab\r\né\n\nlast");
    const reader = readLines(path, { chunkSize: 2 });
    expect([reader.offset, reader.lineNumber]).toEqual([0, 0]);
    expect(take(reader, 1)).toEqual(["ab"]);
    expect([reader.offset, reader.lineNumber]).toEqual([4, 1]);
    expect(take(reader, 2)).toEqual(["é", ""]);
    expect([reader.offset, reader.lineNumber]).toEqual([8, 3]);
    expect(take(reader, 5)).toEqual(["last"]);
    expect([reader.offset, reader.done]).toEqual([12, true]);
  });

  it("return() stops the reader; a for…of break calls it", () => {
    const path = file("1\n2\n3\n");
    const reader = readLines(path);
    for (const line of reader) if (line === "2") break;
    expect(reader.done).toBe(true);
    expect(reader.next()).toEqual({ value: undefined, done: true });
    const other = readLines(path);
    expect(() => other.throw(new Error("boom"))).toThrow("boom");
    expect(other.done).toBe(true);
  });

  it("opens the file lazily: a missing file fails on the first next(), not at creation", () => {
    const reader = readLines(join(dir, "missing.txt"));
    expect(() => reader.next()).toThrow(/ENOENT/);
  });

  it("checks its options", () => {
    expect(() => readLines("")).toThrow(TypeError);
    expect(() => readLines("x", { chunkSize: 0 })).toThrow(RangeError);
    expect(() => readLines("x", { ifChanged: "maybe" as "error" })).toThrow(TypeError);
  });
});

describe("readLines: saved and restored", () => {
  it("continues exactly where it was, at every position and chunk size", () => {
    const text = "alpha\r\nβeta\n\ngamma 日本\n🚀\nlast";
    const path = file(text);
    const all = expectedLines(text);
    for (const chunkSize of [1, 3, 8, 1024]) {
      for (let k = 0; k <= all.length; k++) {
        const reader = readLines(path, { chunkSize });
        const before = take(reader, k);
        const restored = roundTrip(reader);
        // (Not expect(restored).not.toBe(reader): vitest compares the two deeply, which iterates them.)
        expect(restored === reader).toBe(false);
        expect(restored.lineNumber).toBe(k);
        expect(restored.offset).toBe(reader.offset);
        expect([...before, ...restored], `chunkSize ${chunkSize}, after ${k} lines`).toEqual(all);
        // The original is independent and continues too.
        expect([...before, ...reader]).toEqual(all);
      }
    }
  });

  it("continues exactly past the 64 KiB samples (head and tail fingerprints)", () => {
    const parts: string[] = [];
    for (let i = 0; i < 30_000; i++) parts.push(`line ${i} ${"é".repeat(i % 11)}`);
    const text = parts.join("\n") + "\n";
    const path = file(text);
    const all = expectedLines(text);
    for (const k of [1, 3000, 6000, 12_345, 29_999, 30_000]) {
      const reader = readLines(path, { chunkSize: 5000 });
      const before = take(reader, k);
      // Saved twice from one position: the saves must not disturb the reader.
      const once = roundTrip(reader);
      const twice = roundTrip(reader);
      expect([...before, ...once], `after ${k} lines`).toEqual(all);
      expect([...before, ...twice]).toEqual(all);
      // A restored reader can be saved again, after reading more.
      const again = readLines(path, { chunkSize: 777 });
      take(again, k);
      const restored = roundTrip(again);
      const more = take(restored, 100);
      expect([...before, ...more, ...roundTrip(restored)]).toEqual(all);
    }
  });

  it("saves a reader that never started as a fresh one, and a finished one as finished", () => {
    const path = file("x\ny\n");
    const fresh = roundTrip(readLines(path));
    expect([...fresh]).toEqual(["x", "y"]);
    const finished = readLines(path);
    [...finished];
    const restored = roundTrip(finished);
    expect(restored.done).toBe(true);
    expect(restored.lineNumber).toBe(2);
    expect(restored.next().done).toBe(true);
  });

  it("a snapshot is small: the position and a fingerprint, not the buffered bytes", () => {
    const path = file("z".repeat(100_000) + "\n" + "w".repeat(100_000) + "\n");
    const reader = readLines(path);
    take(reader, 1);
    expect(snapshotValue(reader).length).toBeLessThan(1000);
  });
});

describe("readLines: restoring against a changed file", () => {
  function savedMidFile(text: string, lines: number, chunkSize = 4): { path: string; blob: string } {
    const path = file(text);
    pinMtime(path);
    const reader = readLines(path, { chunkSize });
    take(reader, lines);
    return { path, blob: snapshotValue(reader) };
  }

  function changeError(blob: string): FileChangedError {
    try {
      restoreValue(blob);
    } catch (error) {
      expect(error).toBeInstanceOf(FileChangedError);
      expect(error).toBeInstanceOf(SnapshotError);
      return error as FileChangedError;
    }
    throw new Error("restore succeeded against a changed file");
  }

  it("prints the times of a file touched within the same millisecond as the snapshot with their fraction, so they differ", () => {
    const { path, blob } = savedMidFile("one\ntwo\nthree\n", 2);
    const saved = statSync(path).mtimeMs;
    utimesSync(path, new Date(), (saved + 0.25) / 1000);
    const error = changeError(blob);
    const [now, then] = /modified at (\S+), the snapshot saw (\S+?)[;:,.]?(?:\s|$)/.exec(error.message)!.slice(1);
    expect(now).not.toBe(then);
    expect(now!.slice(0, 23)).toBe(then!.slice(0, 23));
  });

  it("refuses a file that grew, naming the file, the position and the difference", () => {
    const { path, blob } = savedMidFile("one\ntwo\nthree\n", 2);
    appendFileSync(path, "four\n");
    pinMtime(path);
    const error = changeError(blob);
    expect(error.path).toBe(path);
    expect(error.message).toContain(path);
    expect(error.message).toContain("at byte 8 (line 2)");
    expect(error.message).toMatch(/size is 19 bytes, it was 14/);
    expect(error.message).toContain("acceptChangedFiles");
  });

  it("refuses a same-size edit before the position even with the mtime put back", () => {
    const { path, blob } = savedMidFile("one\ntwo\nthree\n", 2);
    writeFileSync(path, "ONE\ntwo\nthree\n");
    pinMtime(path);
    const error = changeError(blob);
    expect(error.differences).toEqual(["its first 8 bytes differ"]);
  });

  it("refuses a same-size edit just before a position past the first 64 KiB", () => {
    const text = "a".repeat(200_000) + "\n" + "b".repeat(100) + "\nc\n";
    const { path, blob } = savedMidFile(text, 2, 65536);
    const edited = Buffer.from(text);
    edited[200_050] = "B".charCodeAt(0);
    writeFileSync(path, edited);
    pinMtime(path);
    expect(changeError(blob).differences).toEqual([`the ${SAMPLE_BYTES} bytes before byte 200102 differ`]);
  });

  it("refuses a file that was only touched, saying that the bytes match", () => {
    const { path, blob } = savedMidFile("one\ntwo\n", 1);
    pinMtime(path, 1_800_000_000);
    const error = changeError(blob);
    expect(error.differences).toHaveLength(1);
    expect(error.message).toMatch(/Size and sampled bytes match/);
  });

  it("refuses a file that was replaced by another one", () => {
    const { path, blob } = savedMidFile("one\ntwo\nthree\n", 1);
    rmSync(path);
    writeFileSync(path, "uno\ndos\ntres\n");
    expect(changeError(blob).message).toMatch(/differ/);
  });

  it("refuses a file that no longer exists, even when accepting changes", () => {
    const { path, blob } = savedMidFile("one\ntwo\n", 1);
    rmSync(path);
    expect(changeError(blob).message).toMatch(/no longer exists/);
    expect(() => acceptChangedFiles(() => restoreValue(blob))).toThrow(/no longer exists/);
  });

  it("acceptChangedFiles(): continues at the saved byte offset in the file as it is now", () => {
    const { path, blob } = savedMidFile("one\ntwo\nthree\n", 2);
    appendFileSync(path, "four\n");
    const restored = acceptChangedFiles(() => restoreValue(blob)) as LineReader;
    expect([...restored]).toEqual(["three", "four"]);
    // Only inside the call:
    expect(() => restoreValue(blob)).toThrow(FileChangedError);
  });

  it('{ ifChanged: "accept" } is saved with the reader', () => {
    const path = file("one\ntwo\nthree\n");
    const reader = readLines(path, { ifChanged: "accept" });
    take(reader, 1);
    const blob = snapshotValue(reader);
    writeFileSync(path, "one\nTWO\nthree\n");
    expect([...(restoreValue(blob) as LineReader)]).toEqual(["TWO", "three"]);
  });

  it("accepting a file now shorter than the position gives a finished reader", () => {
    const { path, blob } = savedMidFile("one\ntwo\nthree\n", 2);
    writeFileSync(path, "1\n");
    const restored = acceptChangedFiles(() => restoreValue(blob)) as LineReader;
    expect(restored.next().done).toBe(true);
  });

  it("after an accepted change, the next snapshot fingerprints the new file", () => {
    const { path, blob } = savedMidFile("one\ntwo\nthree\nfour\n", 1);
    writeFileSync(path, "one\nTWO\nthree\nfour\n");
    const restored = acceptChangedFiles(() => restoreValue(blob)) as LineReader;
    expect(take(restored, 1)).toEqual(["TWO"]);
    expect(take(restoreValue(snapshotValue(restored)) as LineReader, 5)).toEqual(["three", "four"]);
  });

  it("rejects a malformed saved reader as corrupt", () => {
    const path = file("one\ntwo\n");
    const reader = readLines(path);
    take(reader, 1);
    const blob = snapshotValue(reader);
    const broken = blob.replace(/"offset",\d+/, '"offset",-4');
    expect(broken).not.toBe(blob);
    expect(() => restoreValue(broken)).toThrow(/LineReader has no valid offset/);
  });
});

describe("readLines: a saved path that is not a regular file", () => {
  /**
   * Restores each blob in a child process with a timeout, so that a restore
   * that blocks (opening a FIFO with no writer blocks in openSync) fails the
   * test instead of hanging it. Per blob: the error's name and message, or
   * what the restored reader's next() did.
   */
  function restoreInChild(blobs: Array<{ blob: string; accept?: boolean; next?: boolean }>): Array<{ error?: string; message?: string }> {
    const input = join(dir, `child-${++files}.json`);
    writeFileSync(input, JSON.stringify(blobs));
    const runtime = JSON.stringify("resumable-generators");
    const node = JSON.stringify("resumable-generators/node");
    const script = `
      import { readFileSync } from "node:fs";
      import { restoreValue } from ${runtime};
      import { acceptChangedFiles } from ${node};
      const results = [];
      for (const { blob, accept, next } of JSON.parse(readFileSync(${JSON.stringify(input)}, "utf8"))) {
        try {
          const reader = accept ? acceptChangedFiles(() => restoreValue(blob)) : restoreValue(blob);
          if (next) reader.next();
          results.push({});
        } catch (e) {
          results.push({ error: e.name, message: e.message });
        }
      }
      console.log(JSON.stringify(results));
    `;
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 10_000 });
    expect(result.error, "the restore blocked (killed after 10 s)").toBeUndefined();
    expect(result.stderr).toBe("");
    return JSON.parse(result.stdout) as Array<{ error?: string; message?: string }>;
  }

  /** A blob of a reader of `path` (state "reading" after one line, or "fresh"), altered to name `other`. */
  function pointedAt(other: string, state: "reading" | "fresh"): string {
    const path = file("one\ntwo\n");
    const reader = readLines(path);
    if (state === "reading") take(reader, 1);
    const blob = snapshotValue(reader);
    const altered = blob.replace(JSON.stringify(path), JSON.stringify(other));
    expect(altered).not.toBe(blob);
    return altered;
  }

  it.skipIf(process.platform === "win32")(
    "refuses a FIFO promptly with a FileChangedError instead of blocking, even when accepting changes",
    () => {
      const fifo = join(dir, "fifo");
      execFileSync("mkfifo", [fifo]);
      const blob = pointedAt(fifo, "reading");
      const [refused, accepted, fresh] = restoreInChild([{ blob }, { blob, accept: true }, { blob: pointedAt(fifo, "fresh"), next: true }]);
      expect(refused).toEqual({
        error: "FileChangedError",
        message:
          `readLines: the snapshot was reading ${fifo} at byte 4 (line 1), but it is a FIFO, not a regular file. ` +
          "readLines reads regular files only: put the file the snapshot was reading back at that path (or sign snapshots that come from outside, so their paths cannot be altered)",
      });
      expect(accepted).toEqual(refused);
      // A reader that had not started yet restores (nothing is opened), and its first next() refuses the FIFO instead of blocking.
      expect(fresh).toEqual({
        error: "Error",
        message: `readLines: ${fifo} is a FIFO, not a regular file; readLines reads regular files only`,
      });
    },
  );

  it("refuses a directory with a FileChangedError (not a raw EISDIR)", () => {
    const [refused] = restoreInChild([{ blob: pointedAt(dir, "reading") }]);
    expect(refused!.error).toBe("FileChangedError");
    expect(refused!.message).toContain(`but it is a directory, not a regular file.`);
  });
});
