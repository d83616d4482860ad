/**
 * readLines(path): the lines of a file, as an iterator a snapshot can hold.
 *
 * A `LineReader` is an ordinary class (the runtime is compiled by tsc, not by
 * the resumable plugin) implementing the iterator protocol. A resumable
 * generator that runs `for (const line of readLines(path))`, or keeps the
 * reader in a local, can be snapshotted: `iterate()` returns the reader
 * itself, and the snapshot saves it through the save/load hooks registered
 * at the bottom of this file. It is also the worked example of
 * `registerClass` with hooks for an object that holds a resource (here a
 * file descriptor): `save` writes down what is needed to get the resource
 * back (the path, a byte offset, a fingerprint of the file); `load` reopens
 * the file, checks it is still the same file and positions the reader.
 *
 * Reading: chunks of `chunkSize` bytes with positioned reads; memory is the
 * chunk, the bytes of the current line, and a 64 KiB window of consumed
 * bytes kept for the fingerprint, whatever the size of the file. Lines end
 * at "\n" or "\r\n" (a lone "\r" stays in the line); the terminator is not
 * part of the line; a last line without a terminator is still a line; a
 * final terminator does not start an empty last line. Lines are decoded as
 * UTF-8 only once complete, so a character split across two chunks is never
 * split in the text ("\n" cannot occur inside a multi-byte sequence).
 */
import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import { resolve } from "node:path";
import { CorruptSnapshotError, SnapshotError } from "../errors.js";
import { registerClass } from "../registry.js";

export interface ReadLinesOptions {
  /** Bytes per read. Default 64 KiB. */
  chunkSize?: number;
  /**
   * What restoring a snapshot does when the file is not the one the reader
   * was reading (other size, modification time or sampled bytes):
   * "error" (the default) makes restore() throw a FileChangedError;
   * "accept" continues at the saved byte offset in the file as it is now.
   * The choice is saved in the snapshot. To accept changes for one restore
   * only, wrap it: `acceptChangedFiles(() => restore(blob))`.
   */
  ifChanged?: "error" | "accept";
}

/**
 * The fingerprint samples this many bytes at the start of the file and this
 * many bytes just before the reader's position, and the reader keeps that
 * last window of consumed bytes in memory so that saving reads nothing.
 */
export const SAMPLE_BYTES = 64 * 1024;
const DEFAULT_CHUNK_SIZE = 64 * 1024;
/** Keeps a snapshot from asking for an absurd buffer. */
const MAX_CHUNK_SIZE = 64 * 1024 * 1024;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const EMPTY = Buffer.alloc(0);

/**
 * How the reader opens its file. The path may come from a blob, so opening
 * must never block: O_NONBLOCK makes opening a FIFO return at once (it blocks
 * until a writer comes otherwise) and changes nothing for a regular file;
 * O_NOCTTY keeps a terminal from becoming the process's controlling one.
 * Anything but a regular file is then refused after one fstat (Windows has
 * neither flag, nor FIFOs at a path).
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** What a path that is not a regular file is, for messages: "a FIFO", "a directory"… */
function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return "a FIFO";
  if (stats.isDirectory()) return "a directory";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  return "not a regular file";
}

/** Restoring found a different file than the one the snapshot was reading. */
export class FileChangedError extends SnapshotError {
  constructor(
    readonly path: string,
    /** What differs, one sentence each. */
    readonly differences: string[],
    message: string,
  ) {
    super(message);
  }
}

/**
 * Why this fingerprint (size, mtime, a hash of two 64 KiB samples) rather
 * than a hash of every byte read so far:
 *
 * - Restoring must stay cheap at any position: checking a hash of all bytes
 *   before the offset would read the whole prefix again, which is exactly
 *   the cost (reopen and skip) that resuming is meant to avoid. Checking the
 *   samples reads at most 128 KiB, whatever the offset.
 * - Saving must be synchronous and cheap: the samples are in memory (the
 *   first 64 KiB of the file, and the 64 KiB before the position, which the
 *   read buffer keeps anyway), so a save costs one fstat and two hashes of
 *   at most 64 KiB. A running hash over all consumed bytes would need a
 *   hash over every byte on the hot path for a guarantee the restore side
 *   could not check cheaply anyway.
 * - The samples are of the bytes the reader actually consumed, not re-read
 *   at save time, so a file edited while it was being read is detected too.
 *
 * Caught: a file rewritten, regenerated, truncated, appended to, replaced,
 * or edited before the position (by size or mtime), and an edit that keeps
 * size and mtime but touches the start or the bytes just before the position
 * (by the samples). Missed: an edit in the middle of the consumed part that
 * keeps both size and mtime, which takes setting the mtime back on purpose.
 * Copying the file elsewhere changes its mtime, which is reported as a change
 * (use the accept option when the contents are known to be the same).
 */
interface Fingerprint {
  size: number;
  mtimeMs: number;
  /** sha256 (hex) of bytes [0, min(offset, SAMPLE_BYTES)). */
  head: string;
  /** sha256 (hex) of bytes [offset - SAMPLE_BYTES, offset), when offset > SAMPLE_BYTES. */
  tail: string | undefined;
}

/** What a snapshot holds for a LineReader. */
export interface SavedLineReader {
  path: string;
  /** Byte offset of the first line not yet returned. */
  offset: number;
  /** Lines returned so far. */
  line: number;
  chunkSize: number;
  ifChanged: "error" | "accept";
  /** "fresh": never read; "reading": positioned in the file; "done": finished or closed. */
  state: "fresh" | "reading" | "done";
  fingerprint?: Fingerprint;
}

/** Closes the descriptors of readers dropped without reaching the end or calling return(). */
const descriptors = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed.
  }
});

let acceptDepth = 0;

/**
 * Runs `fn` (a restore() or loadCheckpoint() call) accepting changed files:
 * every LineReader restored during it continues at its saved byte offset
 * even if the file changed. A missing file is still an error, and so is a
 * path that is no longer a regular file (a FIFO, a directory, a device).
 */
export function acceptChangedFiles<T>(fn: () => T): T {
  acceptDepth++;
  try {
    return fn();
  } finally {
    acceptDepth--;
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export class LineReader implements IterableIterator<string> {
  /** Absolute path: a snapshot may be restored from another working directory. */
  readonly path: string;
  readonly chunkSize: number;
  readonly ifChanged: "error" | "accept";

  private fd: number | null = null;
  private state: "fresh" | "reading" | "done" = "fresh";
  /** Read bytes: buffer[0] is at file offset `bufferStart`; bytes [0, end) are valid. */
  private buffer: Buffer = EMPTY;
  private bufferStart = 0;
  private end = 0;
  /** buffer[0, end), so that searching for "\n" never looks past the valid bytes. */
  private valid: Buffer = EMPTY;
  /** Index in `buffer` of the first byte not yet returned as part of a line. */
  private position = 0;
  /** Index from which to look for the next "\n" (bytes before it, from `position`, have none). */
  private scanFrom = 0;
  private eof = false;
  /** The first SAMPLE_BYTES of the file, filled as reads pass over them. */
  private head: Buffer | null = null;
  private headDigest: string | null = null;
  private lines = 0;

  constructor(path: string, options: ReadLinesOptions = {}) {
    if (typeof path !== "string" || path === "") throw new TypeError("readLines(path): path must be a non-empty string");
    const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
    if (!Number.isSafeInteger(chunkSize) || chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
      throw new RangeError(`readLines(): chunkSize must be an integer from 1 to ${MAX_CHUNK_SIZE}`);
    }
    const ifChanged = options.ifChanged ?? "error";
    if (ifChanged !== "error" && ifChanged !== "accept") throw new TypeError('readLines(): ifChanged must be "error" or "accept"');
    this.path = resolve(path);
    this.chunkSize = chunkSize;
    this.ifChanged = ifChanged;
  }

  /** Byte offset of the first line not yet returned (the file's size once done). */
  get offset(): number {
    return this.bufferStart + this.position;
  }

  /** How many lines have been returned. */
  get lineNumber(): number {
    return this.lines;
  }

  /** True once the last line was returned, or after return() or throw(). */
  get done(): boolean {
    return this.state === "done";
  }

  [Symbol.iterator](): this {
    return this;
  }

  next(): IteratorResult<string, undefined> {
    if (this.state === "done") return { value: undefined, done: true };
    if (this.state === "fresh") this.open();
    for (;;) {
      const buffer = this.valid;
      const newline = this.scanFrom < this.end ? buffer.indexOf(NEWLINE, this.scanFrom) : -1;
      if (newline !== -1) {
        const start = this.position;
        const stop = newline > start && buffer[newline - 1] === CARRIAGE_RETURN ? newline - 1 : newline;
        this.position = this.scanFrom = newline + 1;
        this.lines++;
        return { value: buffer.toString("utf8", start, stop), done: false };
      }
      if (this.eof) {
        if (this.position < this.end) {
          const start = this.position;
          this.position = this.scanFrom = this.end;
          this.lines++;
          return { value: buffer.toString("utf8", start, this.end), done: false };
        }
        this.finish();
        return { value: undefined, done: true };
      }
      this.scanFrom = this.end;
      this.fill();
    }
  }

  /** Stops reading and closes the file (what a `break` out of a for…of calls). */
  return(value?: undefined): IteratorResult<string, undefined> {
    this.finish();
    return { value, done: true };
  }

  throw(error: unknown): IteratorResult<string, undefined> {
    this.finish();
    throw error;
  }

  private open(): void {
    const fd = openSync(this.path, OPEN_FLAGS);
    try {
      const stats = fstatSync(fd);
      if (!stats.isFile())
        throw new Error(`readLines: ${this.path} is ${kindOf(stats)}, not a regular file; readLines reads regular files only`);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
    this.adopt(fd);
  }

  private adopt(fd: number): void {
    this.fd = fd;
    this.state = "reading";
    descriptors.register(this, fd, this);
  }

  private closeDescriptor(): void {
    if (this.fd === null) return;
    const fd = this.fd;
    this.fd = null;
    descriptors.unregister(this);
    closeSync(fd);
  }

  private finish(): void {
    if (this.state === "done") return;
    this.state = "done";
    // Keep `offset` meaningful: collapse the buffer onto the current position.
    this.bufferStart += this.position;
    this.buffer = this.valid = EMPTY;
    this.end = this.position = this.scanFrom = 0;
    this.head = null;
    this.closeDescriptor();
  }

  /** Reads the next chunk after `end`, first making room (keeping SAMPLE_BYTES before `position`). */
  private fill(): void {
    const fd = this.fd!;
    const chunk = this.chunkSize;
    if (this.end + chunk > this.buffer.length) {
      const keepFrom = Math.max(0, this.position - SAMPLE_BYTES);
      const kept = this.end - keepFrom;
      // Room for the kept bytes plus at least two chunks, and never less
      // than twice the sample, so compacting (copying up to SAMPLE_BYTES
      // plus a partial line) happens at most once per SAMPLE_BYTES read. A
      // line longer than that doubles the buffer (linear time however long
      // the line); the buffer shrinks back once such a line is over.
      const base = 2 * SAMPLE_BYTES + 2 * chunk;
      const length = this.buffer.length;
      const capacity = Math.max(kept + 2 * chunk, base, kept > length / 2 ? 2 * length : 0);
      const target = capacity > length || (length > 4 * base && capacity <= base) ? Buffer.allocUnsafe(capacity) : this.buffer;
      this.buffer.copy(target, 0, keepFrom, this.end);
      this.buffer = target;
      this.valid = target.subarray(0, kept);
      this.bufferStart += keepFrom;
      this.end = kept;
      this.position -= keepFrom;
      this.scanFrom -= keepFrom;
    }
    const at = this.bufferStart + this.end;
    const count = readSync(fd, this.buffer, this.end, chunk, at);
    if (count === 0) {
      this.eof = true;
      return;
    }
    if (at < SAMPLE_BYTES) {
      this.head ??= Buffer.alloc(SAMPLE_BYTES);
      this.buffer.copy(this.head, at, this.end, this.end + Math.min(count, SAMPLE_BYTES - at));
    }
    this.end += count;
    this.valid = this.buffer.subarray(0, this.end);
  }

  private fingerprint(): Fingerprint {
    const offset = this.offset;
    const stats = fstatSync(this.fd!);
    let head: string;
    if (offset >= SAMPLE_BYTES && this.headDigest !== null) {
      head = this.headDigest;
    } else {
      head = sha256((this.head ?? EMPTY).subarray(0, Math.min(offset, SAMPLE_BYTES)));
      if (offset >= SAMPLE_BYTES) this.headDigest = head;
    }
    let tail: string | undefined;
    if (offset > SAMPLE_BYTES) {
      const startIndex = this.position - SAMPLE_BYTES;
      tail = sha256(this.buffer.subarray(startIndex, this.position));
    }
    return { size: stats.size, mtimeMs: stats.mtimeMs, head, tail };
  }

  /** The save hook: synchronous, reads nothing from the file (one fstat). */
  static save(reader: LineReader): SavedLineReader {
    const saved: SavedLineReader = {
      path: reader.path,
      offset: reader.offset,
      line: reader.lines,
      chunkSize: reader.chunkSize,
      ifChanged: reader.ifChanged,
      state: reader.state,
    };
    if (reader.state === "reading") {
      try {
        saved.fingerprint = reader.fingerprint();
      } catch (error) {
        throw new SnapshotError(`LineReader of ${reader.path}: cannot fingerprint the file: ${(error as Error).message}`, { cause: error });
      }
    }
    return saved;
  }

  /** The load hook: reopens the file, checks the fingerprint, positions the reader. */
  static load(data: SavedLineReader): LineReader {
    const saved = validate(data);
    const reader = new LineReader(saved.path, { chunkSize: saved.chunkSize, ifChanged: saved.ifChanged });
    reader.lines = saved.line;
    reader.bufferStart = saved.offset;
    if (saved.state === "fresh") {
      if (saved.offset !== 0 || saved.line !== 0) throw new CorruptSnapshotError("a saved LineReader that never read has a position");
      return reader;
    }
    if (saved.state === "done") {
      reader.state = "done";
      return reader;
    }
    const accept = saved.ifChanged === "accept" || acceptDepth > 0;
    let fd: number;
    try {
      fd = openSync(saved.path, OPEN_FLAGS);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === "ENOENT" ? "it no longer exists" : `it cannot be opened (${(error as Error).message})`;
      throw new FileChangedError(
        saved.path,
        [why],
        `readLines: the snapshot was reading ${saved.path} at byte ${saved.offset} (line ${saved.line}), but ${why}`,
      );
    }
    try {
      const stats = fstatSync(fd);
      if (!stats.isFile()) {
        // Never accepted: reading a FIFO or a device could block or never end.
        const why = `it is ${kindOf(stats)}, not a regular file`;
        throw new FileChangedError(
          saved.path,
          [why],
          `readLines: the snapshot was reading ${saved.path} at byte ${saved.offset} (line ${saved.line}), but ${why}. ` +
            "readLines reads regular files only: put the file the snapshot was reading back at that path " +
            "(or sign snapshots that come from outside, so their paths cannot be altered)",
        );
      }
      reader.resumeAt(fd, stats, saved, accept);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
    return reader;
  }

  /** Checks the file behind `fd` against the saved fingerprint and positions the reader at the saved offset. */
  private resumeAt(fd: number, stats: Stats, saved: SavedLineReader, accept: boolean): void {
    const { offset, fingerprint } = saved;
    const headLength = Math.min(offset, SAMPLE_BYTES, stats.size);
    const head = Buffer.alloc(SAMPLE_BYTES);
    readFully(fd, head, headLength, 0);
    const tailStart = Math.max(0, offset - SAMPLE_BYTES);
    const tailLength = Math.max(0, Math.min(offset, stats.size) - tailStart);
    const tail = Buffer.allocUnsafe(Math.max(tailLength + 2 * this.chunkSize, 2 * SAMPLE_BYTES + 2 * this.chunkSize));
    readFully(fd, tail, tailLength, tailStart);

    const differences: string[] = [];
    if (fingerprint) {
      if (stats.size !== fingerprint.size) differences.push(`its size is ${stats.size} bytes, it was ${fingerprint.size}`);
      if (stats.mtimeMs !== fingerprint.mtimeMs) {
        differences.push(`it was modified at ${modificationTime(stats.mtimeMs, fingerprint.mtimeMs)}`);
      }
      if (headLength < Math.min(offset, SAMPLE_BYTES) || sha256(head.subarray(0, headLength)) !== fingerprint.head) {
        differences.push(`its first ${Math.min(offset, SAMPLE_BYTES)} bytes differ`);
      }
      if (fingerprint.tail !== undefined && (tailLength < SAMPLE_BYTES || sha256(tail.subarray(0, tailLength)) !== fingerprint.tail)) {
        differences.push(`the ${SAMPLE_BYTES} bytes before byte ${offset} differ`);
      }
    } else {
      differences.push("the snapshot has no fingerprint of it");
    }
    if (differences.length > 0 && !accept) {
      const onlyTime = differences.length === 1 && stats.mtimeMs !== fingerprint?.mtimeMs;
      const hint = onlyTime ? " Size and sampled bytes match: if the file was only touched or copied, accept the change." : "";
      throw new FileChangedError(
        saved.path,
        differences,
        `readLines: ${saved.path} changed since the snapshot was taken at byte ${offset} (line ${saved.line}): ${differences.join("; ")}.${hint} ` +
          `To continue at byte ${offset} anyway, restore inside acceptChangedFiles(() => …), use loadCheckpoint(path, { acceptChangedFiles: true }), or create the reader with { ifChanged: "accept" }`,
      );
    }
    this.adopt(fd);
    if (offset > stats.size) {
      // Accepted, but the file is now shorter than the saved position: nothing left to read.
      this.finish();
      return;
    }
    this.head = head;
    this.buffer = tail;
    this.valid = tail.subarray(0, tailLength);
    this.bufferStart = tailStart;
    this.end = this.position = this.scanFrom = tailLength;
  }
}

/** Reads exactly `length` bytes at `position` unless the file ends first. */
/**
 * "<now>, the snapshot saw <then>", as ISO times; two that differ below a
 * millisecond (an edit right after the snapshot) would print alike, so
 * those get their milliseconds' fraction too.
 */
function modificationTime(nowMs: number, savedMs: number): string {
  const iso = (ms: number) => new Date(ms).toISOString();
  if (iso(nowMs) !== iso(savedMs)) return `${iso(nowMs)}, the snapshot saw ${iso(savedMs)}`;
  const fine = (ms: number) => `${iso(ms).slice(0, -1)}${(ms % 1).toFixed(6).slice(2)}Z`;
  return `${fine(nowMs)}, the snapshot saw ${fine(savedMs)}`;
}

function readFully(fd: number, target: Buffer, length: number, position: number): number {
  let done = 0;
  while (done < length) {
    const count = readSync(fd, target, done, length - done, position + done);
    if (count === 0) break;
    done += count;
  }
  return done;
}

function validate(data: unknown): SavedLineReader {
  const fail = (what: string): never => {
    throw new CorruptSnapshotError(`a saved LineReader ${what}`);
  };
  if (typeof data !== "object" || data === null) fail("is not an object");
  const d = data as Record<string, unknown>;
  const isCount = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
  if (typeof d["path"] !== "string" || d["path"] === "") fail("has no path");
  if (!isCount(d["offset"])) fail("has no valid offset");
  if (!isCount(d["line"])) fail("has no valid line count");
  const chunkSize = d["chunkSize"];
  if (!isCount(chunkSize) || chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) fail("has no valid chunk size");
  if (d["ifChanged"] !== "error" && d["ifChanged"] !== "accept") fail('has an ifChanged other than "error" or "accept"');
  if (d["state"] !== "fresh" && d["state"] !== "reading" && d["state"] !== "done") fail("has an unknown state");
  const fp = d["fingerprint"];
  if (fp !== undefined) {
    if (typeof fp !== "object" || fp === null) fail("has a fingerprint that is not an object");
    const f = fp as Record<string, unknown>;
    if (
      !isCount(f["size"]) ||
      typeof f["mtimeMs"] !== "number" ||
      typeof f["head"] !== "string" ||
      (f["tail"] !== undefined && typeof f["tail"] !== "string")
    ) {
      fail("has a malformed fingerprint");
    }
  }
  return d as unknown as SavedLineReader;
}

/**
 * The lines of the file at `path`, read lazily (the file is opened by the
 * first next()). See the top of this file for what counts as a line, and
 * ReadLinesOptions for what restoring does when the file changed.
 */
export function readLines(path: string, options?: ReadLinesOptions): LineReader {
  return new LineReader(path, options);
}

registerClass(LineReader, { id: "resumable-generators/node.LineReader", save: LineReader.save, load: LineReader.load });
