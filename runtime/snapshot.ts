/**
 * snapshot, restore, fork: a suspended generator to a blob and back.
 *
 * The whole reachable state goes through the value codec as one graph: the
 * root frame, the frames of a `yield*` chain, generators held in locals,
 * and every value they reach, with shared references and cycles kept.
 */
import { decodeGraph, type DecodeLimits } from "./codec/decode.js";
import type { ErrorPath } from "./codec/extension.js";
import { encodeGraph } from "./codec/encode.js";
import type { Encoded } from "./codec/encode.js";
import { toBytes, toText, unwrap, type Key, type SnapshotBlob, type Unwrapped } from "./envelope.js";
import { CorruptSnapshotError, SnapshotError } from "./errors.js";
import { isFrame } from "./async-frame.js";
import { AsyncFromSyncIterator } from "./async-iterate.js";
import type { Frame } from "./frame.js";
import type { CollectionCursor } from "./iterate.js";
import type { ResumableFunction } from "./function-table.js";
import { checkedKey, limitOption, migrationsOption } from "./options.js";
import { completeFrame, savedKinds, type FrameToFill, type SavedFrame } from "./saved-kinds.js";

export interface SnapshotOptions {
  /** Sign the blob with HMAC-SHA256; restore then needs the key. */
  key?: Key;
  /**
   * Return bytes (a Uint8Array) instead of text: the same envelope, with the
   * bytes of typed arrays and ArrayBuffers stored raw rather than as base64.
   * For files and binary channels; restore() reads both forms.
   */
  binary?: boolean;
}

type TextOptions = SnapshotOptions & { binary?: false };
type BinaryOptions = SnapshotOptions & { binary: true };

/** The old frame, as a migration hook receives it. */
export interface FrameMigrationInput {
  version: string;
  status: "start" | "suspended" | "done";
  resumePoint: { index: number; label: string | undefined; line: number } | undefined;
  locals: Record<string, unknown>;
}

/** What a migration hook returns: the frame in the new version's terms. */
export interface FrameMigrationOutput {
  /** A resume point of the new code: its index or its label. Required for a suspended frame; none for one that has not started. */
  resumePoint?: number | string;
  locals: Record<string, unknown>;
}

export type Migration = (old: FrameMigrationInput) => FrameMigrationOutput;

export interface RestoreOptions {
  /** Accept only blobs signed with this key (or one of these keys). */
  key?: Key | readonly Key[];
  /** Migrations for functions whose code changed, keyed by function id. */
  migrate?: Record<string, Migration>;
  /** Refuse blobs longer than this many characters (text) or bytes (binary). Default 64 MiB. */
  maxBytes?: number;
  /** Refuse graphs with more values. Default 10,000,000. */
  maxValues?: number;
  /** Refuse `yield*` chains deeper than this. Default 10,000. */
  maxDelegateDepth?: number;
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
const DEFAULT_MAX_VALUES = 10_000_000;
const DEFAULT_MAX_DELEGATE_DEPTH = 10_000;

export function isResumable(value: unknown): value is Frame {
  return isFrame(value);
}

function assertResumable(gen: unknown, what: string): asserts gen is Frame {
  if (!isFrame(gen)) {
    const tag = gen !== null && typeof gen === "object" ? Object.prototype.toString.call(gen) : "";
    const got =
      tag === "[object Generator]"
        ? "a native generator"
        : tag === "[object AsyncGenerator]"
          ? "a native async generator"
          : gen === null
            ? "null"
            : typeof gen;
    // Other state (a line reader, a Map of generators) is a value to save: snapshotValue() takes any.
    const hint = typeof gen === "object" && gen !== null && got === "object" ? "; to save some other value, use snapshotValue()" : "";
    throw new SnapshotError(`${what} needs a generator made by a /* @resumable */ function*; got ${got}${hint}`);
  }
}

function toBlob(encoded: Encoded, options: SnapshotOptions, caller: string): SnapshotBlob {
  // Checked as restore checks it, so that nothing is signed with a key restore would refuse.
  if (options.key !== undefined) checkedKey(options.key, caller);
  return (options.binary ? toBytes : toText)(encoded.graph, encoded.attachments, options.key);
}

export function snapshot(gen: Generator | AsyncGenerator, options?: TextOptions): string;
export function snapshot(gen: Generator | AsyncGenerator, options: BinaryOptions): Uint8Array;
export function snapshot(gen: Generator | AsyncGenerator, options?: SnapshotOptions): SnapshotBlob;
export function snapshot(gen: Generator | AsyncGenerator, options: SnapshotOptions = {}): SnapshotBlob {
  assertResumable(gen, "snapshot()");
  return toBlob(encodeGraph(gen, savedKinds(), rootLabel(gen)), options, "snapshot()");
}

/** Restores a blob from snapshot(), text or binary (a Uint8Array holding either form is read too). */
export function restore<G extends Generator | AsyncGenerator = Generator>(blob: SnapshotBlob, options: RestoreOptions = {}): G {
  const checked = checkedRestoreOptions(options, "restore()");
  const unwrapped = unwrap(blob, checked.maxBytes, options.key);
  return decodeRoot(unwrapped, checked) as unknown as G;
}

/** RestoreOptions with the defaults in place, every limit checked (options.ts). */
interface CheckedRestoreOptions {
  migrate: Record<string, Migration> | undefined;
  maxBytes: number;
  maxValues: number;
  maxDelegateDepth: number;
}

function checkedRestoreOptions(options: RestoreOptions, caller: string): CheckedRestoreOptions {
  if (typeof options !== "object" || options === null) throw new TypeError(`${caller}: options must be an object`);
  return {
    migrate: migrationsOption(options, caller),
    maxBytes: limitOption(options, "maxBytes", DEFAULT_MAX_BYTES, caller),
    maxValues: limitOption(options, "maxValues", DEFAULT_MAX_VALUES, caller),
    maxDelegateDepth: limitOption(options, "maxDelegateDepth", DEFAULT_MAX_DELEGATE_DEPTH, caller),
  };
}

/** A fork copies a generator that is already in memory, not a blob from outside: no cap applies, nor could one be raised. */
const FORK_OPTIONS: CheckedRestoreOptions = {
  migrate: undefined,
  maxBytes: Infinity,
  maxValues: Infinity,
  maxDelegateDepth: Infinity,
};

/** An independent copy at the same position: `restore(snapshot(gen))` without the text. */
export function fork<G extends Generator | AsyncGenerator>(gen: G): G {
  assertResumable(gen, "fork()");
  return decodeRoot(encodeGraph(gen, savedKinds(), rootLabel(gen)), FORK_OPTIONS) as unknown as G;
}

/**
 * Any value graph (several generators, the user's own data, shared
 * references between them) as one blob: what a checkpoint needs.
 */
export function snapshotValue(value: unknown, options?: TextOptions & { label?: string }): string;
export function snapshotValue(value: unknown, options: BinaryOptions & { label?: string }): Uint8Array;
export function snapshotValue(value: unknown, options?: SnapshotOptions & { label?: string }): SnapshotBlob;
export function snapshotValue(value: unknown, options: SnapshotOptions & { label?: string } = {}): SnapshotBlob {
  // `label` names the root in error paths ("checkpoint › field …").
  const label = options.label ?? (isFrame(value) ? rootLabel(value) : "value");
  return toBlob(encodeGraph(value, savedKinds(), label), options, "snapshotValue()");
}

export function restoreValue<T = unknown>(blob: SnapshotBlob, options: RestoreOptions = {}): T {
  return restoreValueFor(blob, options, "restoreValue()");
}

/** restoreValue, whose refusals of its options and keys name `caller` (loadCheckpoint() calls it). */
export function restoreValueFor<T = unknown>(blob: SnapshotBlob, options: RestoreOptions, caller: string): T {
  const checked = checkedRestoreOptions(options, caller);
  const unwrapped = unwrap(blob, checked.maxBytes, options.key, caller);
  return decodeValue(unwrapped, checked) as T;
}

function rootLabel(frame: Frame): string {
  const fn = (frame.constructor as { metadata?: ResumableFunction }).metadata;
  return fn ? fn.label : "generator";
}

/** A graph and its attachments: from a blob (unwrap) or straight from encodeGraph (fork). */
type GraphToDecode = Pick<Unwrapped, "graph" | "attachments">;

function decodeRoot(unwrapped: GraphToDecode, options: CheckedRestoreOptions): Frame {
  const root = decodeValue(unwrapped, options);
  if (!isFrame(root)) throw new CorruptSnapshotError("the snapshot's root value is not a resumable generator");
  return root;
}

function decodeValue({ graph, attachments }: GraphToDecode, options: CheckedRestoreOptions): unknown {
  const framesToFill: FrameToFill[] = [];
  const collectionCursors: CollectionCursor[] = [];
  const migrations = options.migrate;
  const limits: DecodeLimits = { maxValues: options.maxValues };
  const root = decodeGraph(graph, savedKinds({ framesToFill, collectionCursors }), limits, attachments);
  // A Map or Set cursor takes its place in the collection now, before any
  // code can change the collection.
  for (const cursor of collectionCursors) cursor.activate();
  // Frames get their state last, when every value they hold is complete,
  // so a migration hook sees finished values.
  const hooks = migrations
    ? { onVersionMismatch: (fn: ResumableFunction, saved: SavedFrame, path: ErrorPath) => migrateFrame(fn, saved, path, migrations) }
    : undefined;
  for (const entry of framesToFill) completeFrame(entry, hooks);
  checkDelegateChains(
    framesToFill.map((entry) => entry.frame),
    options.maxDelegateDepth,
  );
  return root;
}

/** The frames a frame's own code calls next() on: its `yield*` delegate and the iterators of its loops. */
function drivenFrames(frame: Frame): Frame[] {
  const driven: Frame[] = [];
  const delegate = frame._delegate instanceof AsyncFromSyncIterator ? frame._delegate.iterator : frame._delegate;
  if (isFrame(delegate)) driven.push(delegate);
  const fn = (frame.constructor as { metadata?: ResumableFunction }).metadata;
  for (const field of fn?.iterators ?? []) {
    let value = (frame as unknown as Record<string, unknown>)[field];
    // A `for await` over a sync iterable drives it through a wrapper.
    if (value instanceof AsyncFromSyncIterator) value = value.iterator;
    if (isFrame(value)) driven.push(value);
  }
  return driven;
}

/**
 * A blob could make a frame drive itself, directly or through others (a
 * `yield*` or a loop over a generator that leads back to it: endless
 * recursion, or "already running" at the first step), or chain frames to an
 * absurd depth. Refuse both, walking without recursion.
 */
function checkDelegateChains(frames: Frame[], maxDepth: number): void {
  const tooDeep = () =>
    new CorruptSnapshotError(
      `the snapshot's yield* chain is deeper than ${maxDepth}; raise RestoreOptions.maxDelegateDepth if it is legitimate`,
    );
  const onPath = new Set<Frame>();
  /** Frames already checked, with the length of the longest chain they start. */
  const height = new Map<Frame, number>();
  for (const start of frames) {
    if (height.has(start)) continue;
    const children = drivenFrames(start);
    if (children.length === 0) {
      // Most frames drive no other (no yield*, no loop over a generator): nothing to walk.
      height.set(start, 1);
      continue;
    }
    const stack: Array<{ frame: Frame; children: Frame[]; next: number }> = [{ frame: start, children, next: 0 }];
    onPath.add(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.next < top.children.length) {
        const child = top.children[top.next++]!;
        if (height.has(child)) continue;
        if (onPath.has(child)) {
          throw new CorruptSnapshotError(
            "the snapshot's generators drive each other in a cycle (through yield* or a for…of over a generator)",
          );
        }
        if (stack.length + 1 > maxDepth) throw tooDeep();
        onPath.add(child);
        stack.push({ frame: child, children: drivenFrames(child), next: 0 });
        continue;
      }
      let tallest = 0;
      for (const child of top.children) tallest = Math.max(tallest, height.get(child) ?? 0);
      if (tallest + 1 > maxDepth) throw tooDeep();
      height.set(top.frame, tallest + 1);
      onPath.delete(top.frame);
      stack.pop();
    }
  }
}

/** The keys a frame that has not started saves: its parameters, `this` and `arguments` when the body uses them. */
function unstartedKeys(fn: ResumableFunction): string[] {
  return [...fn.paramKeys, ...("_self" in fn.locals ? ["this"] : []), ...("_args" in fn.locals ? ["arguments"] : [])];
}

function argumentsFit(fn: ResumableFunction, saved: SavedFrame): boolean {
  const keys = unstartedKeys(fn);
  return saved.localKeys.length === keys.length && saved.localKeys.every((key) => keys.includes(key));
}

/**
 * A frame that has not started, saved by code whose parameters were others:
 * the hook gets `{ status: "start", resumePoint: undefined, locals }` (the
 * old arguments by parameter name) and returns the new ones as `locals`.
 */
function migrateUnstarted(fn: ResumableFunction, saved: SavedFrame, path: ErrorPath, migration: Migration): SavedFrame {
  const locals = callMigration(fn, saved, path, migration, undefined).locals ?? {};
  if (typeof locals !== "object") throw new SnapshotError(`${path()}: the migration for "${fn.id}" returned locals that are not an object`);
  const keys = unstartedKeys(fn);
  const missing = keys.filter((key) => !Object.prototype.hasOwnProperty.call(locals, key));
  const extra = Object.keys(locals).filter((key) => !keys.includes(key));
  if (missing.length > 0 || extra.length > 0) {
    throw new SnapshotError(
      `${path()}: the migration for "${fn.id}" returned locals ${JSON.stringify(Object.keys(locals))} for a generator that has not started, ` +
        `whose locals are its arguments: ${JSON.stringify(keys)} in the new code; return each of those (undefined if that is what it should be)`,
    );
  }
  return { ...saved, version: fn.version, localKeys: keys, localValues: keys.map((key) => (locals as Record<string, unknown>)[key]) };
}

/** Calls a migration hook with the old frame as data; its throw (or a refusal) names the migration. */
function callMigration(
  fn: ResumableFunction,
  saved: SavedFrame,
  path: ErrorPath,
  migration: Migration,
  resumePoint: FrameMigrationInput["resumePoint"],
): FrameMigrationOutput {
  const input: FrameMigrationInput = {
    version: saved.version,
    status: saved.status,
    resumePoint,
    // Own data properties only, "__proto__" included, as a spread would make them.
    locals: Object.fromEntries(saved.localKeys.map((key, i) => [key, saved.localValues[i]])),
  };
  let output: FrameMigrationOutput;
  try {
    output = migration(input);
  } catch (error) {
    if (error instanceof SnapshotError) throw error;
    throw new SnapshotError(`${path()}: the migration for "${fn.id}" threw: ${(error as Error)?.message ?? String(error)}`, {
      cause: error,
    });
  }
  if (typeof output !== "object" || output === null)
    throw new SnapshotError(`${path()}: the migration for "${fn.id}" must return { resumePoint, locals }`);
  return output;
}

function migrateFrame(
  fn: ResumableFunction,
  saved: SavedFrame,
  path: ErrorPath,
  migrations: Record<string, Migration>,
): SavedFrame | undefined {
  const migration = Object.prototype.hasOwnProperty.call(migrations, fn.id) ? migrations[fn.id] : undefined;
  if (!migration) return undefined; // completeFrame reports the mismatch
  // A finished frame stays finished; one that has not started keeps its
  // arguments, unless the new code's parameters are others (renamed, added).
  if (saved.status === "done" || (saved.status === "start" && argumentsFit(fn, saved))) return { ...saved, version: fn.version };
  if (saved.status === "start") return migrateUnstarted(fn, saved, path, migration);
  if (saved.pending !== undefined && saved.pending.length > 0) {
    throw new SnapshotError(
      `${path()}: the frame is suspended inside a finally block; such a frame cannot be migrated, restore it with the code that wrote it`,
    );
  }
  const output = callMigration(fn, saved, path, migration, { index: saved.at!, label: saved.label, line: saved.line ?? 0 });
  const target = output.resumePoint;
  const ordinal =
    typeof target === "string"
      ? fn.resumePoints.findIndex((point) => point.label === target)
      : typeof target === "number" && Number.isSafeInteger(target)
        ? target
        : -1;
  if (ordinal < 0 || ordinal >= fn.resumePoints.length) {
    const labels = fn.resumePoints.map((point, i) => (point.label ? `${i} "${point.label}"` : String(i))).join(", ");
    throw new SnapshotError(
      `${path()}: the migration for "${fn.id}" returned resume point ${JSON.stringify(target)}, which the new code does not have (it has: ${labels})`,
    );
  }
  const locals = output.locals ?? {};
  if (typeof locals !== "object") throw new SnapshotError(`${path()}: the migration for "${fn.id}" returned locals that are not an object`);
  const point = fn.resumePoints[ordinal]!;
  // A live local the hook left out would be undefined where the new code reads it: say so instead.
  const missing = fn.liveKeys[ordinal]!.filter((key) => !Object.prototype.hasOwnProperty.call(locals, key));
  if (missing.length > 0) {
    throw new SnapshotError(
      `${path()}: the migration for "${fn.id}" returned no value for ${missing.map((key) => JSON.stringify(key)).join(", ")}, ` +
        `which the new code reads after resume point ${JSON.stringify(target)}; return each in locals (undefined if that is what it should be)`,
    );
  }
  const unknown = Object.keys(locals).filter((key) => !fn.fieldByKey.has(key));
  if (unknown.length > 0) {
    throw new SnapshotError(
      `${path()}: the migration for "${fn.id}" returned ${unknown.map((key) => JSON.stringify(key)).join(", ")}, which the new code has no local for ` +
        `(its locals: ${[...fn.fieldByKey.keys()].filter((key) => !key.startsWith("(")).join(", ") || "none"})`,
    );
  }
  // A yield* resumes by stepping its delegate: only a frame that was delegating has one to give it.
  if (point.delegate && saved.delegate === undefined) {
    throw new SnapshotError(
      `${path()}: the migration for "${fn.id}" returned resume point ${JSON.stringify(target)}, a yield*, but the old frame was at a plain yield ` +
        `(resume point ${saved.at}), with no generator to delegate to; a frame moves to a yield* only from one`,
    );
  }
  const localKeys = Object.keys(locals);
  return {
    functionId: fn.id,
    version: fn.version,
    status: "suspended",
    at: ordinal,
    label: point.label,
    line: point.line,
    localKeys,
    localValues: localKeys.map((key) => (locals as Record<string, unknown>)[key]),
    pending: undefined,
    delegate: point.delegate ? saved.delegate : undefined,
  };
}
