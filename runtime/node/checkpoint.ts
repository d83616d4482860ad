/**
 * Atomic checkpoints: one file holding any graph of values (several
 * generators, the reader they share, the user's model parameters and
 * counters) written so that a crash at any instant leaves either the old
 * checkpoint or the new one, never a torn file.
 *
 *   saveCheckpoint(path, { batches, model, step });
 *   const state = loadCheckpoint(path) ?? freshState();
 *
 * The file is a binary snapshot blob (same envelope, same codec), whose root is
 * the state object instead of a single generator, so shared references
 * between the generators and the user's data stay shared after loading.
 *
 * The write: encode first (a value that cannot be saved throws before the
 * disk is touched), then write a temporary file in the same directory (with
 * the permission bits of the checkpoint it replaces, if any), fsync it,
 * rename it over the checkpoint (atomic on POSIX file systems), and fsync
 * the directory so the rename itself is durable.
 */
import {
  closeSync,
  existsSync,
  fchmodSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { Key } from "../envelope.js";
import { SnapshotError } from "../errors.js";
import { restoreValueFor, snapshotValue, type RestoreOptions } from "../snapshot.js";
import { acceptChangedFiles } from "./read-lines.js";

export interface SaveCheckpointOptions {
  /** Sign the checkpoint with HMAC-SHA256; loading then needs the key. */
  key?: Key;
}

/**
 * Every RestoreOptions field (key, migrate, maxBytes, maxValues,
 * maxDelegateDepth) is passed on to restore; a checkpoint only has larger
 * defaults for the two size caps.
 */
export interface LoadCheckpointOptions extends RestoreOptions {
  /** Refuse files longer than this many bytes. Default 1 GiB. */
  maxBytes?: number;
  /** Refuse graphs with more values. Default 100,000,000. */
  maxValues?: number;
  /** Continue line readers whose file changed at their saved offset instead of failing (see acceptChangedFiles). */
  acceptChangedFiles?: boolean;
}

export const DEFAULT_MAX_BYTES = 1024 * 1024 * 1024;
export const DEFAULT_MAX_VALUES = 100_000_000;

/** Checkpoint paths whose leftover temporary files this process has already looked for. */
const swept = new Set<string>();

function temporaryName(target: string, pid: number): string {
  return join(dirname(target), `.${basename(target)}.${pid}.tmp`);
}

/**
 * A writer killed between creating its temporary file and renaming it
 * leaves the temporary behind (never the checkpoint itself). Remove those of
 * processes that no longer exist, once per checkpoint path and process.
 */
function sweepTemporaries(target: string): void {
  if (swept.has(target)) return;
  swept.add(target);
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(".tmp")) continue;
    const pid = Number(name.slice(prefix.length, -".tmp".length));
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || isRunning(pid)) continue;
    try {
      unlinkSync(join(dirname(target), name));
    } catch {
      // Someone else removed it.
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The permission bits of the checkpoint about to be replaced, or undefined
 * when there is none yet. The new file takes them: a checkpoint holds the
 * program's state, and one made private must not become readable by others
 * because it was rewritten.
 */
function existingMode(target: string): number | undefined {
  try {
    return statSync(target).mode & 0o777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
}

/** Makes a rename in `directory` durable. Some platforms (Windows) cannot open a directory: skip there. */
function fsyncDirectory(directory: string): void {
  let fd: number;
  try {
    fd = openSync(directory, "r");
  } catch {
    return;
  }
  try {
    fsyncSync(fd);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EINVAL" && code !== "EPERM" && code !== "EISDIR" && code !== "ENOTSUP") throw error;
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `state` (any value graph the snapshot codec accepts: resumable
 * generators, registered classes, plain data, typed arrays, Maps…) to
 * `path` atomically and durably. Returns the size written, in bytes.
 * Throws a SnapshotError naming the path to the first value that cannot be
 * saved; the previous checkpoint is then left as it was.
 */
export function saveCheckpoint(path: string, state: unknown, options: SaveCheckpointOptions = {}): number {
  const target = resolve(path);
  const bytes = snapshotValue(state, { key: options.key, label: "checkpoint", binary: true });
  try {
    return writeAtomically(target, bytes);
  } catch (error) {
    // The file system's refusals name the checkpoint, as loadCheckpoint's do, not the temporary file.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && !existsSync(dirname(target))) {
      (error as Error).message = `checkpoint ${target}: its directory does not exist (saveCheckpoint does not create directories)`;
    } else if (code !== undefined) {
      (error as Error).message = `checkpoint ${target}: cannot write it: ${(error as Error).message}`;
    }
    throw error;
  }
}

/** Writes `bytes` to a temporary file beside `target`, syncs it, renames it over `target`, syncs the directory. */
function writeAtomically(target: string, bytes: Uint8Array): number {
  sweepTemporaries(target);
  const temporary = temporaryName(target, process.pid);
  const mode = existingMode(target);
  // Created with the old checkpoint's bits (never wider while it is written),
  // then set to exactly those bits, which the umask may have narrowed.
  const fd = openSync(temporary, "w", mode ?? 0o666);
  try {
    if (mode !== undefined) fchmodSync(fd, mode);
    writeAll(fd, bytes);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing to clean.
    }
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, target);
  fsyncDirectory(dirname(target));
  return bytes.length;
}

/**
 * Reads a checkpoint written by saveCheckpoint: the state, with its
 * generators live and its line readers reopened at their positions, or
 * `undefined` when there is no checkpoint at `path` yet. Import the modules
 * that define the checkpoint's resumable functions and registered classes
 * first. `options` are restore()'s (a `migrate` hook reads a checkpoint
 * written by older code) plus `acceptChangedFiles`. Throws a SnapshotError
 * (CorruptSnapshotError, FileChangedError, UnknownFunctionError,
 * VersionMismatchError, SignatureError) whose message starts with the
 * checkpoint's path.
 */
export function loadCheckpoint<T = unknown>(path: string, options: LoadCheckpointOptions = {}): T | undefined {
  const target = resolve(path);
  let blob: Buffer;
  try {
    blob = readFileSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const { acceptChangedFiles: accept, ...restoreOptions } = options;
  const decode = () =>
    restoreValueFor<T>(
      blob,
      { ...restoreOptions, maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES, maxValues: options.maxValues ?? DEFAULT_MAX_VALUES },
      "loadCheckpoint()",
    );
  try {
    return accept ? acceptChangedFiles(decode) : decode();
  } catch (error) {
    if (error instanceof SnapshotError) error.message = `checkpoint ${target}: ${error.message}`;
    throw error;
  }
}
