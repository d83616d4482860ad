#!/usr/bin/env node
/**
 * `npx resumable-generators inspect <file>`: print a snapshot like a
 * debugger prints a stack, innermost frame last, with the source line of
 * each resume point when the file is at hand.
 */
import { readFileSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { inspect } from "node:util";
import { describe, type DescribedFrame } from "./describe.js";
import { SnapshotError } from "./errors.js";
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_VALUES } from "./node/checkpoint.js";
import { projectRootOf } from "./node/project-root.js";

/**
 * Control characters from the blob (its ids, labels, strings) shown as
 * escapes: printed raw, a blob from outside could drive the terminal (clear
 * it, retitle it, hide lines). Newlines between our own lines stay.
 */
function printable(text: string): string {
  // Bidirectional overrides too: they could make a line read as something else.
  return text.replace(
    /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** What a blob names as its functions' files: modules, nothing else (a blob from outside could name `.env`). */
const SOURCE_FILE = /\.[cm]?[jt]sx?$/;
/** A larger file is not read for one line. */
const MAX_SOURCE_BYTES = 16 * 1024 * 1024;

/**
 * The source line of a resume point, from the module file the blob names:
 * a regular file of a source type, inside the project once symlinks are
 * resolved (a FIFO would block, a symlink or `..` could reach any file).
 */
function sourceLine(file: string | undefined, line: number | undefined): string | undefined {
  if (!file || !line || !SOURCE_FILE.test(file)) return undefined;
  try {
    // Where the blob's file names start: the plugin names them relative to the project's root.
    const root = realpathSync(projectRootOf(process.cwd()));
    const path = realpathSync(resolve(root, file));
    const within = relative(root, path);
    if (within === "" || within === ".." || within.startsWith(`..${sep}`) || isAbsolute(within)) return undefined;
    const stats = statSync(path);
    if (!stats.isFile() || stats.size > MAX_SOURCE_BYTES) return undefined;
    return readFileSync(path, "utf8").split(/\r?\n/)[line - 1]?.trim();
  } catch {
    return undefined;
  }
}

/** A string from the blob inside one of our lines: its newlines escaped too, so it cannot forge a line. */
function field(text: string): string {
  return printable(text).replace(/\n/g, "\\n");
}

function formatFrame(frame: DescribedFrame, index: number, role: string): string {
  const lines: string[] = [];
  const where = frame.file ? field(frame.file) : "(explicit id)";
  lines.push(`#${index} ${field(frame.name)}  ${where}  [${field(frame.functionId)} @ ${field(frame.version)}]${role}`);
  if (frame.status === "suspended" && frame.resumePoint) {
    const { index: at, label, line } = frame.resumePoint;
    lines.push(`   suspended at yield #${at}${label ? ` "${field(label)}"` : ""}${line ? `, line ${line}` : ""}`);
    const text = sourceLine(frame.file, line);
    if (text) lines.push(`   ${String(line).padStart(5)} | ${text}`);
  } else {
    lines.push(`   ${frame.status === "start" ? "not started" : "finished"}`);
  }
  for (const [name, value] of Object.entries(frame.locals)) {
    lines.push(
      `   ${field(name)} = ${inspect(value, { depth: 2, breakLength: Infinity, compact: true, maxArrayLength: 10, maxStringLength: 80 })}`,
    );
  }
  if (frame.pending.length > 0) lines.push(`   pending completions: ${inspect(frame.pending, { depth: 2, breakLength: Infinity })}`);
  return lines.join("\n");
}

function main(argv: string[]): number {
  const [command, file] = argv;
  if (command !== "inspect" || !file) {
    process.stderr.write("usage: resumable-generators inspect <snapshot-file>\n");
    return 2;
  }
  let blob: Buffer;
  try {
    // Bytes: the file may hold a text or a binary snapshot; describe() tells them apart.
    blob = readFileSync(file);
  } catch (error) {
    process.stderr.write(`cannot read ${file}: ${(error as Error).message}\n`);
    return 1;
  }
  try {
    // As large as loadCheckpoint() reads: a checkpoint it wrote can be inspected.
    const description = describe(blob, { maxBytes: DEFAULT_MAX_BYTES, maxValues: DEFAULT_MAX_VALUES });
    const out: string[] = [
      `${file}: ${description.bytes} bytes, ${description.signed ? "signed (not verified)" : "unsigned"}, ${description.frames.length} frame(s)`,
    ];
    out.push("", "yield* stack, innermost last:");
    description.stack.forEach((i, depth) => out.push(formatFrame(description.frames[i]!, i, depth === 0 ? "  (root)" : "  (delegate)")));
    const others = description.frames.map((_, i) => i).filter((i) => !description.stack.includes(i));
    if (others.length > 0) {
      out.push("", "other generators held in the state:");
      for (const i of others) out.push(formatFrame(description.frames[i]!, i, ""));
    }
    process.stdout.write(out.map(printable).join("\n") + "\n");
    return 0;
  } catch (error) {
    if (error instanceof SnapshotError) {
      process.stderr.write(printable(`${file}: ${error.name}: ${error.message}`).replace(/\n/g, "\\n") + "\n");
      return 1;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
