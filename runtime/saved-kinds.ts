/**
 * The kinds a snapshot adds to the value codec (codec/extension.ts): frames
 * of resumable generators, the iteration cursors of `for…of` and `yield*`,
 * `arguments` objects, instances of registered classes, and registered
 * values. Encoding describes them; decoding builds them only through the
 * registries and validates every field against the function's tables, so a
 * blob cannot make the runtime jump to a location the code does not have.
 */
import { types } from "node:util";
import { builtInFunctionById, builtInFunctionId, BUILT_IN_PREFIX } from "./built-in-functions.js";
import { recordOfPairs, type Described, type ErrorPath, type Extension } from "./codec/extension.js";
import { isIndexBelow } from "./codec/encode.js";
import { CorruptSnapshotError, SnapshotError, UnknownFunctionError, VersionMismatchError } from "./errors.js";
import { AsyncFrame, isFrame } from "./async-frame.js";
import { AsyncFromSyncIterator } from "./async-iterate.js";
import { DONE, Frame, RUNNING, SUSPENDED_START, SUSPENDED_YIELD, type PendingCompletion } from "./frame.js";
import {
  generatorFunctionByPermanentId,
  generatorFunctionPermanentId,
  isGeneratorFunctionMadeMoreThanOnce,
  GENERATOR_FUNCTION_PREFIX,
  FRAME_TYPE_PREFIX,
  keyOfField,
  lookupFunction,
  type FrameClass,
  type ResumableFunction,
} from "./function-table.js";
import { CollectionCursor, ForInCursor, IndexCursor, StringCursor, type CursorKind } from "./iterate.js";
import {
  canReadAgain,
  canReadMethodAgain,
  HELD_METHOD,
  HeldMethod,
  methodNotReadAgainNote,
  methodReadAgain,
  NOT_READABLE,
} from "./held-method.js";
import { classById, classByPrototype, hasValue, valueById, valueId } from "./registry.js";

const CLASS = "class:";
const CURSOR_KINDS: ReadonlySet<string> = new Set(["values", "keys", "entries"]);
const PENDING_TYPES: ReadonlySet<string> = new Set(["throw", "return", "break", "continue"]);

/**
 * A frame's control state, next to its locals in the saved record. A
 * suspended frame (the common case) has `#at` and no `#status`: "start" and
 * "done" are written out.
 */
const STATUS = "#status";
const VERSION = "#version";
const AT = "#at";
const PENDING = "#pending";
const DELEGATE = "#delegate";
/** The label and source line of the resume point: for migrations and describe(), not needed to resume. */
const LABEL = "#label";
const LINE = "#line";

function metadataOf(frame: Frame): ResumableFunction {
  const fn = (frame.constructor as FrameClass).metadata;
  if (!fn) throw new SnapshotError(`a frame of class ${frame.constructor.name} was never registered with defineResumable()`);
  return fn;
}

function describeFrame(frame: Frame): Described {
  const fn = metadataOf(frame);
  const label = fn.label;
  if (frame._status === RUNNING) {
    throw new SnapshotError(`${label} is running: snapshot a generator between calls to next(), not from inside it`);
  }
  if (frame instanceof AsyncFrame && !frame._isIdle()) {
    throw new SnapshotError(
      `${label} is an async generator with a request in progress (a next(), throw() or return() whose promise has not settled, or one waiting behind it): await the pending next() before snapshot()`,
    );
  }
  if (fn.boundToClassEvaluation && lookupFunction(fn.id)?.frameClass !== frame.constructor) {
    throw new SnapshotError(
      `${label} is a method of a class made more than once (by a factory, a mixin or a loop), and it uses that class's super or private names; ` +
        "a restore could only make it a method of the class made last, so only its generators can be saved: make the class once, at module level",
    );
  }
  const pairs: unknown[] = [VERSION, fn.version];
  const state = frame as unknown as Record<string, unknown>;
  let fieldNotes: ReadonlyMap<string, string> | undefined;
  if (frame._status === DONE) {
    pairs.push(STATUS, "done");
  } else if (frame._status === SUSPENDED_START) {
    pairs.push(STATUS, "start");
    fn.params.forEach((field, i) => pairs.push(fn.paramKeys[i]!, state[field]));
    if ("_self" in fn.locals) pairs.push("this", frame._self);
    if ("_args" in fn.locals) pairs.push("arguments", frame._args);
  } else {
    const ordinal = fn.ordinalByLocation.get(frame._next);
    if (ordinal === undefined) throw new SnapshotError(`${label}: internal: suspended at unknown location ${frame._next}`);
    const point = fn.resumePoints[ordinal]!;
    fieldNotes = fn.fieldNotes[ordinal];
    pairs.push(AT, ordinal);
    if (point.label !== undefined) pairs.push(LABEL, point.label);
    pairs.push(LINE, point.line);
    const keys = fn.liveKeys[ordinal]!;
    const methodTemps = fn.methodTemps;
    point.live.forEach((field, i) => {
      // A method its restored copy can read again from its object is left out (held-method.ts).
      if (methodTemps !== undefined && Object.hasOwn(methodTemps, field)) {
        const [objectField, key] = methodTemps[field]!;
        if (canReadMethodAgain(state[objectField], key, state[field])) return;
      }
      pairs.push(keys[i]!, state[field]);
    });
    if (frame._pending !== null) {
      const pending: unknown[] = [];
      frame._pending.forEach((completion, index) => {
        if (completion !== null) pending.push([index, completion.type, completion.arg]);
      });
      if (pending.length > 0) pairs.push(PENDING, pending);
    }
    if (point.delegate) pairs.push(DELEGATE, frame._delegate);
  }
  return { kind: "fields", type: fn.savedType, label: fn.savedLabel, fieldLabel: "local", fieldNotes, pairs };
}

function describeCursor(value: object): Described | undefined {
  if (value instanceof IndexCursor) {
    return { kind: "fields", type: "cursor.index", pairs: ["source", value.source, "kind", value.kind, "index", value.index] };
  }
  if (value instanceof StringCursor) {
    return { kind: "fields", type: "cursor.string", pairs: ["source", value.source, "index", value.index] };
  }
  if (value instanceof CollectionCursor) {
    return {
      kind: "fields",
      type: "cursor.collection",
      pairs: ["source", value.source, "kind", value.kind, "position", value.position()],
    };
  }
  if (value instanceof ForInCursor) {
    return { kind: "fields", type: "cursor.forIn", pairs: ["object", value.object, "keys", value.keys, "index", value.index] };
  }
  if (value instanceof AsyncFromSyncIterator) {
    return { kind: "fields", type: "cursor.asyncFromSync", pairs: ["iterator", value.iterator] };
  }
  return undefined;
}

/** The record of a method held across a yield (held-method.ts): the method itself only when it cannot be read again. */
function describeHeldMethod(held: HeldMethod): Described {
  if (canReadAgain(held)) return { kind: "fields", type: HELD_METHOD, pairs: ["object", held.object, "key", held.key] };
  return {
    kind: "fields",
    type: HELD_METHOD,
    // Named only in a refusal's path: a note is not written to the blob.
    fieldNotes: new Map([["method", methodNotReadAgainNote(held.key)]]),
    pairs: ["object", held.object, "key", held.key, "method", held.method],
  };
}

function fillHeldMethod(held: HeldMethod, fields: Record<string, unknown>, path: ErrorPath): void {
  const key = fields["key"];
  if (typeof key !== "string" && typeof key !== "symbol") fail(path, "a held method's key must be a string or a symbol");
  held.object = fields["object"];
  held.key = key;
  held.readAgain = !("method" in fields);
  held.method = held.readAgain ? undefined : fields["method"];
}

function describeClassInstance(value: object): Described | undefined {
  const registered = classByPrototype(Object.getPrototypeOf(value) as object | null);
  if (!registered) return undefined;
  const className = registered.cls.name || registered.id;
  const label = `${className} instance`;
  if (registered.save) {
    let data: unknown;
    try {
      data = registered.save(value);
    } catch (error) {
      // The hook's own refusal says why; where the instance sits is ours to add (the encoder prefixes the path).
      if (error instanceof SnapshotError) throw error;
      throw new SnapshotError(`the save hook of class "${registered.id}" threw: ${(error as Error)?.message ?? String(error)}`, {
        cause: error,
      });
    }
    return { kind: "data", type: CLASS + registered.id, label, data };
  }
  const pairs: unknown[] = [];
  // Enumerable fields, as for plain objects (and structuredClone); a symbol-keyed one is refused, as there.
  const symbols = Object.getOwnPropertySymbols(value);
  if (symbols.length > 0) {
    throw new SnapshotError(
      `${label} › field ${String(symbols[0])}: a symbol-keyed field cannot be saved; give ${className} save/load hooks`,
    );
  }
  for (const key of Object.keys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
    if (!("value" in descriptor)) {
      throw new SnapshotError(`${label} › field "${key}": an accessor property cannot be saved; give ${className} save/load hooks`);
    }
    pairs.push(key, descriptor.value);
  }
  return { kind: "fields", type: CLASS + registered.id, label, pairs };
}

/** A real `arguments` object holding `values`: the only way to make one. */
function argumentsObjectOf(..._values: unknown[]): IArguments {
  return arguments;
}

function isArgumentsObject(value: object): boolean {
  return Object.prototype.toString.call(value) === "[object Arguments]";
}

/**
 * An `arguments` object comes back as a fresh one holding its values: a
 * property written on it besides them (`args.extra = 1`) is refused rather
 * than dropped. (Its own `length`, `callee` and iterator are not enumerable.)
 */
function refuseNamedArgumentsProperties(args: object, length: number): void {
  const named = Object.keys(args).find((key) => !isIndexBelow(key, length));
  const symbol = Object.getOwnPropertySymbols(args).find((key) => key !== Symbol.iterator);
  if (named === undefined && symbol === undefined) return;
  const name = named === undefined ? String(symbol) : JSON.stringify(named);
  throw new SnapshotError(
    `arguments has a property ${name} besides its values, which a restored arguments object would not have; copy what you need into a local`,
  );
}

function constructorName(value: object): string {
  const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
  return proto?.constructor?.name || "an object";
}

function explain(value: unknown): string {
  // Before anything reads it: reading a proxy's prototype or properties would run its traps.
  if (types.isProxy(value)) return "a Proxy is not serializable (saving it would run its traps); save the object behind it instead";
  if (typeof value === "function") {
    const name = value.name ? `function ${value.name}` : "an anonymous function";
    if (isGeneratorFunctionMadeMoreThanOnce(value)) {
      return `${name} is a resumable generator function made more than once in this process (by a factory, an object literal or a class evaluated again, or a module loaded twice), so a snapshot could not say which one it holds; register the one to save with registerValue(), or keep it out of the generator's live state`;
    }
    return `${name} is not serializable; register it with registerValue(), or keep it out of the generator's live state`;
  }
  if (typeof value === "symbol") return `${String(value)} is not serializable: only Symbol.for() symbols are`;
  if (typeof value !== "object" || value === null) return `${String(value)} is not serializable`;
  if (types.isArrayBuffer(value) && (value as { resizable?: boolean }).resizable) {
    return "a resizable ArrayBuffer is not serializable (its maximum size is not part of the format); save a fixed-size copy, buffer.slice()";
  }
  if (types.isSharedArrayBuffer(value)) return "a SharedArrayBuffer is not serializable: other threads hold its memory";
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  if (value instanceof Promise) return "a Promise is not serializable; await it outside the generator and pass the result in";
  if (value instanceof WeakMap || value instanceof WeakSet || value instanceof WeakRef)
    return `a ${tag} is not serializable: its entries cannot be enumerated`;
  if (tag === "Generator") return "a native generator is not serializable; mark its function with /* @resumable */";
  if (tag === "AsyncGenerator") return "a native async generator is not serializable; mark its function with /* @resumable */";
  if (typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === "function" && !isRegisteredIterator(value)) {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return `an async iterable (${typeof name === "string" && name !== "" ? name : tag}) has no position a snapshot can save; read it into a resumable async generator, or register its class with save/load hooks`;
  }
  if (/Iterator$/.test(tag)) {
    return `an iterator (${tag}) has no position a snapshot can save; iterate an array, string, Map, Set, typed array or resumable generator instead`;
  }
  const prototype = Object.getPrototypeOf(value) as { constructor?: { prototype?: unknown } } | null;
  if (prototype !== null && prototype.constructor?.prototype !== prototype) {
    // Object.create(someObject), or a constructor function whose prototype was replaced: the prototype does not name its maker.
    return "an object whose prototype belongs to no class (made with Object.create(), or by a function whose prototype was replaced) is not serializable; register the function that makes it with registerClass(), or save a plain object";
  }
  return `${constructorName(value)} is not serializable; register it with registerClass()`;
}

export interface RestoreHooks {
  /** Called for every frame whose saved version differs from the loaded code (see snapshot.ts). */
  onVersionMismatch?: (fn: ResumableFunction, saved: SavedFrame, path: ErrorPath) => SavedFrame | undefined;
}

/** A decoded frame waiting for its state: frames are filled once every value in the graph is complete. */
export interface FrameToFill {
  frame: Frame;
  fn: ResumableFunction;
  saved: SavedFrame;
  path: ErrorPath;
}

function localsOf(saved: SavedFrame): string {
  return saved.localKeys.length === 0 ? "none" : saved.localKeys.join(", ");
}

/**
 * A frame's version is `<code version>:<layout version>` (the plugin's
 * layout-version.ts): the same source compiled another way may keep its
 * state in other fields. A blob written before frames recorded their layout
 * carries the code version alone, which is then all there is to check.
 */
function versionsAgree(saved: string, loaded: string): boolean {
  return saved === loaded || (!saved.includes(":") && loaded.startsWith(`${saved}:`));
}

/** The explanation a version mismatch gets when the source is the same and only the layout differs. */
function layoutNote(saved: string, loaded: string): string {
  const [savedCode, savedLayout] = saved.split(":");
  const [loadedCode, loadedLayout] = loaded.split(":");
  if (savedLayout === undefined || savedCode !== loadedCode || savedLayout === loadedLayout) return "";
  return ` The source is the same, but it was compiled differently (frame layout ${savedLayout}, now ${loadedLayout}): by another version of the resumable-generators plugin, or with other Babel plugins, so its state sits in other fields.`;
}

/** Checks the version (migrating if a hook says how) and gives the frame its state. */
export function completeFrame({ frame, fn, saved, path }: FrameToFill, hooks: RestoreHooks | undefined): void {
  if (!versionsAgree(saved.version, fn.version)) {
    const migrated = hooks?.onVersionMismatch?.(fn, saved, path);
    if (!migrated) {
      const where =
        saved.at === undefined
          ? `not suspended at a yield (${saved.status})`
          : `suspended at resume point ${saved.at}${saved.label ? ` "${saved.label}"` : ""}${saved.line ? `, line ${saved.line} of the old code` : ""}`;
      // "There": the new code's resume point of the same label (labels are what survive an edit), else of the same number.
      const byLabel = saved.label === undefined ? -1 : fn.resumePoints.findIndex((point) => point.label === saved.label);
      const pointNow = byLabel >= 0 ? byLabel : saved.at;
      const keysNow = pointNow !== undefined ? fn.liveKeys[pointNow] : undefined;
      const liveNow = keysNow ? keysNow.join(", ") || "none" : "(no such resume point)";
      const inFinally = saved.pending !== undefined && saved.pending.length > 0;
      const remedy = inFinally
        ? "Restore with the code that wrote it: a frame suspended inside a finally block cannot be migrated"
        : `Restore with the code that wrote it, or pass restore(blob, { migrate: { "${fn.id}": (old) => ({ resumePoint, locals }) } })`;
      throw new VersionMismatchError(
        fn.id,
        saved.version,
        fn.version,
        `${fn.label}: the snapshot was written by version ${saved.version} of this function, the loaded code is version ${fn.version}; the frame is ${where}; saved locals: ${localsOf(saved)}; locals of the new code there: ${liveNow}.${layoutNote(saved.version, fn.version)} ${remedy}`,
      );
    }
    fillFrame(frame, fn, migrated, path);
    return;
  }
  fillFrame(frame, fn, saved, path);
}

/** A frame as data, for migrations and for describe(). */
export interface SavedFrame {
  functionId: string;
  version: string;
  status: "start" | "suspended" | "done";
  /** The ordinal of the yield the frame is suspended at, with its label and line in the code that wrote it. */
  at: number | undefined;
  label: string | undefined;
  line: number | undefined;
  /** The saved locals' source keys ("i", "this", "(t0)"), and their values at the same positions. */
  localKeys: string[];
  localValues: unknown[];
  pending: unknown[] | undefined;
  delegate: unknown;
}

function isSavableIterator(value: unknown): boolean {
  return (
    isFrame(value) ||
    value instanceof AsyncFromSyncIterator ||
    value instanceof IndexCursor ||
    value instanceof StringCursor ||
    value instanceof CollectionCursor ||
    value instanceof ForInCursor ||
    isRegisteredIterator(value)
  );
}

/**
 * What a sync loop or a sync `yield*` may step: never an async generator or
 * an async-from-sync wrapper (or a registered iterator that is only async),
 * whose next() returns a promise: a sync loop would read `done` from the
 * promise and never end, and the promise's rejection would go unhandled.
 * Honest code never puts one there (a sync `for…of` over an async generator
 * throws "is not iterable"); a blob from outside could.
 */
function isSyncIterator(value: unknown): boolean {
  if (!isSavableIterator(value) || value instanceof AsyncFrame || value instanceof AsyncFromSyncIterator) return false;
  const iterator = value as { [Symbol.iterator]?: unknown; [Symbol.asyncIterator]?: unknown };
  return typeof iterator[Symbol.asyncIterator] !== "function" || typeof iterator[Symbol.iterator] === "function";
}

/** What a `for await` or an async generator's `yield*` may step: what asyncIterate() returns. */
function isAsyncIterator(value: unknown): boolean {
  return value instanceof AsyncFrame || value instanceof AsyncFromSyncIterator || isRegisteredIterator(value);
}

/**
 * An instance of a registered class with a next() method (readLines() is
 * one): a blob can only build it through that class's own load hook or
 * prototype, so it is as trustworthy as the class.
 */
function isRegisteredIterator(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    classByPrototype(Object.getPrototypeOf(value) as object | null) !== undefined &&
    typeof (value as { next?: unknown }).next === "function"
  );
}

function fail(path: ErrorPath, message: string): never {
  throw new CorruptSnapshotError(`${path()}: ${message}`);
}

function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

/** The status a saved frame record gives (its `#status`, and whether it has an `#at`), or undefined if it gives none that is valid. */
export function savedStatus(status: unknown, hasAt: boolean): SavedFrame["status"] | undefined {
  const given = status ?? (hasAt ? "suspended" : undefined);
  return given === "start" || given === "suspended" || given === "done" ? given : undefined;
}

/** A frame record's fields, as decoded (key then value), split into its control fields and its locals, and checked. */
function splitFrameFields(fnId: string, pairs: readonly unknown[], path: ErrorPath): SavedFrame {
  let statusField: unknown;
  let version: unknown;
  let at: unknown;
  let hasAt = false;
  let pending: unknown;
  let delegate: unknown;
  let label: unknown;
  let line: unknown;
  const localKeys: string[] = [];
  const localValues: unknown[] = [];
  for (let position = 0; position < pairs.length; position += 2) {
    const key = pairs[position] as string;
    const value = pairs[position + 1];
    if (key.charCodeAt(0) !== 0x23 /* "#" */) {
      localKeys.push(key);
      localValues.push(value);
      continue;
    }
    switch (key) {
      case STATUS:
        statusField = value;
        break;
      case VERSION:
        version = value;
        break;
      case AT:
        at = value;
        hasAt = true;
        break;
      case PENDING:
        pending = value;
        break;
      case DELEGATE:
        delegate = value;
        break;
      case LABEL:
        label = value;
        break;
      case LINE:
        line = value;
        break;
      default:
        fail(path, `unknown control field "${key}"`);
    }
  }
  const status = savedStatus(statusField, hasAt);
  if (status === undefined) fail(path, `${STATUS} must be "start", "suspended" or "done", or absent with ${AT} present`);
  if (typeof version !== "string") fail(path, `${VERSION} must be a string`);
  if (status === "suspended" && !isNonNegativeInteger(at)) fail(path, `${AT} must be a resume point number`);
  if (pending !== undefined && !Array.isArray(pending)) fail(path, `${PENDING} must be a list`);
  if (label !== undefined && typeof label !== "string") fail(path, `${LABEL} must be a string`);
  if (line !== undefined && !isNonNegativeInteger(line)) fail(path, `${LINE} must be a line number`);
  return {
    functionId: fnId,
    version,
    status,
    at: status === "suspended" ? (at as number) : undefined,
    label: label as string | undefined,
    line: line as number | undefined,
    localKeys,
    localValues,
    pending: pending as unknown[] | undefined,
    delegate,
  };
}

/** Applies a validated saved frame to a fresh frame of the right class. */
/** The methods a snapshot left out (describeFrame), read again from their restored objects, running no code. */
function readMethodsAgain(
  state: Record<string, unknown>,
  methodTemps: NonNullable<ResumableFunction["methodTemps"]>,
  live: readonly string[],
  savedKeys: readonly string[],
  path: ErrorPath,
): void {
  for (const field of live) {
    if (!Object.hasOwn(methodTemps, field) || savedKeys.includes(keyOfField(field))) continue;
    const [objectField, key] = methodTemps[field]!;
    const method = methodReadAgain(state[objectField], key);
    if (method === NOT_READABLE) {
      fail(
        path,
        `local "${keyOfField(field)}" is the method "${key}" of local "${keyOfField(objectField)}", which has no such data property to read it from`,
      );
    }
    state[field] = method;
  }
}

function fillFrame(frame: Frame, fn: ResumableFunction, saved: SavedFrame, path: ErrorPath): void {
  const state = frame as unknown as Record<string, unknown>;
  const { fieldByKey, iteratorFields, asyncIteratorFields } = fn;
  const isLoopIterator = (field: string, value: unknown) =>
    asyncIteratorFields.has(field) ? isAsyncIterator(value) : isSyncIterator(value);
  const { localKeys, localValues } = saved;
  for (let index = 0; index < localKeys.length; index++) {
    const key = localKeys[index]!;
    const field = fieldByKey.get(key);
    if (field === undefined)
      fail(path, `${fn.name} has no local "${key}" (its locals: ${Object.keys(fn.locals).map(keyOfField).join(", ") || "none"})`);
    const value = localValues[index];
    // A loop's iterator is only ever one the runtime made: never let a blob
    // hand the loop some other object to call.
    if (iteratorFields.has(field) && value !== undefined && !isLoopIterator(field, value)) {
      fail(path, `local "${key}" holds the iterator of a loop, and the snapshot gives it something that is not one`);
    }
    state[field] = value;
  }
  frame._delegate = null;
  frame._pending = null;
  if (saved.status === "done") {
    frame._status = DONE;
    if (frame instanceof AsyncFrame) frame._syncAsyncState();
    return;
  }
  if (saved.status === "start") {
    frame._status = SUSPENDED_START;
    frame._next = 0;
    if (frame instanceof AsyncFrame) frame._syncAsyncState();
    return;
  }
  const point = fn.resumePoints[saved.at!];
  if (!point) fail(path, `resume point ${saved.at} does not exist: ${fn.name} has ${fn.resumePoints.length}`);
  if (fn.methodTemps !== undefined) readMethodsAgain(state, fn.methodTemps, point.live, localKeys, path);
  for (const field of point.iterators) {
    if (!isLoopIterator(field, state[field]))
      fail(path, `resume point ${saved.at} is inside a loop, and the loop's iterator "${keyOfField(field)}" is missing`);
  }
  frame._status = SUSPENDED_YIELD;
  frame._next = point.resumeAt;
  frame._prev = point.within;
  if (frame instanceof AsyncFrame) frame._syncAsyncState();
  if (point.delegate) {
    const delegate = saved.delegate;
    if (frame instanceof AsyncFrame ? !isAsyncIterator(delegate) : !isSyncIterator(delegate) || delegate instanceof ForInCursor) {
      fail(
        path,
        frame instanceof AsyncFrame
          ? `resume point ${saved.at} is a yield* in an async generator, and ${DELEGATE} is not a resumable async generator, an async-from-sync iterator or a registered iterator`
          : `resume point ${saved.at} is a yield*, and ${DELEGATE} is not a resumable generator, a collection cursor or a registered iterator`,
      );
    }
    frame._delegate = delegate as Iterator<unknown>;
    frame._delegateTemp = point.resultTemp ?? null;
  } else if (saved.delegate !== undefined) {
    fail(path, `resume point ${saved.at} is not a yield*, yet the frame has a ${DELEGATE}`);
  }
  if (saved.pending !== undefined) {
    const locations = fn.locationSet;
    for (const [i, record] of saved.pending.entries()) {
      if (!Array.isArray(record) || record.length !== 3) fail(path, `${PENDING}[${i}] must be [tryIndex, type, value]`);
      const [index, type, arg] = record as [unknown, unknown, unknown];
      if (!isNonNegativeInteger(index) || index >= fn.tryLocs.length)
        fail(path, `${PENDING}[${i}] names try statement ${String(index)}, which does not exist`);
      const [, , finallyLoc, afterLoc] = fn.tryLocs[index]!;
      // Only a finally block that is running has a pending completion.
      if (finallyLoc === null || afterLoc === null || point.within < finallyLoc || point.within >= afterLoc) {
        fail(path, `${PENDING}[${i}]: resume point ${saved.at} is not inside the finally block of try statement ${index}`);
      }
      if (typeof type !== "string" || !PENDING_TYPES.has(type)) fail(path, `${PENDING}[${i}] has an unknown completion type`);
      if ((type === "break" || type === "continue") && !(typeof arg === "number" && locations.has(arg))) {
        fail(path, `${PENDING}[${i}] jumps to ${String(arg)}, which is not a location of ${fn.name}`);
      }
      frame._setPending(index, { type: type as PendingCompletion["type"], arg });
    }
  }
}

function fillCursor(
  type: string,
  shell: object,
  fields: Record<string, unknown>,
  path: ErrorPath,
  collectionCursors: CollectionCursor[] | undefined,
): void {
  const kind = fields["kind"];
  if (type === "cursor.index") {
    const source = fields["source"];
    const valid =
      source === null ||
      Array.isArray(source) ||
      ArrayBuffer.isView(source) ||
      (typeof source === "object" && isArgumentsObject(source as object));
    if (!valid || (ArrayBuffer.isView(source) && source instanceof DataView))
      fail(path, "an index cursor's source must be an array, typed array or arguments object");
    if (typeof kind !== "string" || !CURSOR_KINDS.has(kind)) fail(path, "unknown cursor kind");
    if (!isNonNegativeInteger(fields["index"])) fail(path, "a cursor index must be a non-negative integer");
    Object.assign(shell, { source, kind: kind as CursorKind, index: fields["index"] });
  } else if (type === "cursor.string") {
    const source = fields["source"];
    if (source !== null && typeof source !== "string") fail(path, "a string cursor's source must be a string");
    const index = fields["index"];
    if (!isNonNegativeInteger(index) || (source !== null && index > (source as string).length))
      fail(path, "string cursor index out of range");
    Object.assign(shell, { source, index });
  } else if (type === "cursor.collection") {
    const source = fields["source"];
    if (source !== null && !(source instanceof Map) && !(source instanceof Set))
      fail(path, "a collection cursor's source must be a Map or a Set");
    if (typeof kind !== "string" || !CURSOR_KINDS.has(kind)) fail(path, "unknown cursor kind");
    // The position is checked against the size when the cursor is
    // activated: skipping stops at the end of the collection.
    if (!isNonNegativeInteger(fields["position"])) fail(path, "a cursor position must be a non-negative integer");
    Object.assign(shell, { source, kind: kind as CursorKind, skip: fields["position"] });
    if (source !== null) collectionCursors?.push(shell as CollectionCursor);
  } else if (type === "cursor.asyncFromSync") {
    const iterator = fields["iterator"];
    // Only what a `for await` over a sync iterable wraps: a cursor, a resumable generator or a registered iterator.
    if (!isSyncIterator(iterator) || iterator instanceof ForInCursor)
      fail(path, "an async-from-sync iterator must wrap a cursor, a resumable sync generator or a registered iterator");
    Object.assign(shell, { iterator });
  } else if (type === "cursor.forIn") {
    const object = fields["object"];
    const keys = fields["keys"];
    if (object !== null && typeof object !== "object" && typeof object !== "function")
      fail(path, "a for…in cursor's object must be an object");
    // The keys array may not be filled yet (decoding fills objects in any
    // order); the cursor itself skips anything that is not a present key.
    if (!Array.isArray(keys)) fail(path, "a for…in cursor's keys must be an array");
    if (!isNonNegativeInteger(fields["index"])) fail(path, "a for…in cursor index must be a non-negative integer");
    Object.assign(shell, { object, keys, index: fields["index"] });
  }
}

export interface SavedKindsOptions {
  /** Receives every decoded frame with its saved state; the caller completes them (completeFrame) after decoding. */
  framesToFill?: FrameToFill[];
  /** Receives Map/Set cursors; the caller activates them once their collections are filled. */
  collectionCursors?: CollectionCursor[];
}

export function savedKinds(options: SavedKindsOptions = {}): Extension {
  const { framesToFill, collectionCursors } = options;
  return {
    permanentId(value) {
      return valueId(value) ?? generatorFunctionPermanentId(value) ?? builtInFunctionId(value);
    },

    describe(value) {
      if (isFrame(value)) return describeFrame(value);
      const cursor = describeCursor(value);
      if (cursor) return cursor;
      if (value instanceof HeldMethod) return describeHeldMethod(value);
      if (typeof value === "object" && isArgumentsObject(value)) {
        const values = Array.from(value as ArrayLike<unknown>);
        refuseNamedArgumentsProperties(value, values.length);
        return { kind: "data", type: "arguments", label: "arguments", data: values };
      }
      if (typeof value === "object") return describeClassInstance(value);
      return undefined;
    },

    explainUnserializable: explain,

    keepsIntegrity(type) {
      // A class instance saved by its fields; a frame's fields and a cursor's are the runtime's to write.
      return type.startsWith(CLASS);
    },

    createShell(type, path) {
      if (type.startsWith(FRAME_TYPE_PREFIX)) {
        const id = type.slice(FRAME_TYPE_PREFIX.length);
        const fn = lookupFunction(id);
        if (!fn) throw new UnknownFunctionError(id);
        // The constructor lays out every field in order, so restored frames
        // share the hidden class of frames created by calls.
        return new fn.frameClass(undefined, undefined);
      }
      if (type.startsWith(CLASS)) {
        const registered = classById(type.slice(CLASS.length));
        if (!registered) fail(path, `the class "${type.slice(CLASS.length)}" is not registered; call registerClass() before restore()`);
        if (registered.load) fail(path, `the class "${registered.id}" has load/save hooks, but the snapshot saved its fields`);
        return Object.create(registered.prototype) as object;
      }
      if (type === "cursor.index") return new IndexCursor(null, "values");
      if (type === "cursor.string") return new StringCursor(null);
      if (type === "cursor.collection") return new CollectionCursor(null, "values");
      if (type === "cursor.forIn") return new ForInCursor(null, []);
      if (type === "cursor.asyncFromSync") return new AsyncFromSyncIterator(null as unknown as Iterator<unknown>);
      if (type === HELD_METHOD) return new HeldMethod(undefined, "", undefined);
      fail(path, `unknown kind "${type}"`);
    },

    fillShell(type, shell, pairs, path) {
      if (type.startsWith(FRAME_TYPE_PREFIX)) {
        const frame = shell as Frame;
        const fn = metadataOf(frame);
        const saved = splitFrameFields(fn.id, pairs, path);
        if (!framesToFill) throw new Error("internal: decoding frames needs a framesToFill list");
        framesToFill.push({ frame, fn, saved, path });
        return;
      }
      if (type.startsWith("cursor.")) {
        fillCursor(type, shell, recordOfPairs(pairs), path, collectionCursors);
        return;
      }
      if (type === HELD_METHOD) {
        fillHeldMethod(shell as HeldMethod, recordOfPairs(pairs), path);
        return;
      }
      if (type.startsWith(CLASS)) {
        for (let position = 0; position < pairs.length; position += 2) {
          Object.defineProperty(shell, pairs[position] as string, {
            value: pairs[position + 1],
            writable: true,
            enumerable: true,
            configurable: true,
          });
        }
        return;
      }
      fail(path, `unknown kind "${type}"`);
    },

    load(type, data, path) {
      if (type === "arguments") {
        if (!Array.isArray(data)) fail(path, "saved arguments must be a list");
        return argumentsObjectOf(...(data as unknown[]));
      }
      if (type.startsWith(CLASS)) {
        const registered = classById(type.slice(CLASS.length));
        if (!registered) fail(path, `the class "${type.slice(CLASS.length)}" is not registered; call registerClass() before restore()`);
        if (!registered.load) fail(path, `the class "${registered.id}" has no load hook, but the snapshot saved it with one`);
        let instance: unknown;
        try {
          instance = registered.load(data);
        } catch (error) {
          // A hook that finds its record corrupt says what is wrong; where the record sits in the
          // snapshot is ours to add. Its other refusals (a file that changed) are about the world, not the blob.
          if (error instanceof CorruptSnapshotError) error.message = `${path()}: ${error.message}`;
          if (error instanceof SnapshotError) throw error;
          // Anything else it throws (a file it cannot open) is not the blob's fault either: not CorruptSnapshotError.
          throw new SnapshotError(
            `${path()}: the load hook of class "${registered.id}" threw: ${(error as Error)?.message ?? String(error)}`,
            {
              cause: error,
            },
          );
        }
        if ((typeof instance !== "object" || instance === null) && typeof instance !== "function") {
          throw new SnapshotError(`${path()}: the load hook of class "${registered.id}" returned ${String(instance)}, not an object`);
        }
        return instance;
      }
      fail(path, `unknown kind "${type}"`);
    },

    lookupPermanent(id, path) {
      if (id.startsWith(GENERATOR_FUNCTION_PREFIX) && !hasValue(id)) {
        const fn = generatorFunctionByPermanentId(id);
        const functionId = id.slice(GENERATOR_FUNCTION_PREFIX.length);
        if (fn === undefined) {
          throw new UnknownFunctionError(
            functionId,
            `${path()}: no resumable generator function "${functionId}" is loaded; import the module that defines it before restore()`,
          );
        }
        if (fn === "ambiguous") {
          throw new UnknownFunctionError(
            functionId,
            `${path()}: the resumable generator function "${functionId}" was made more than once in this process (a factory, a class evaluated again, a module loaded twice), so the snapshot cannot say which one it held`,
          );
        }
        return fn;
      }
      if (id.startsWith(BUILT_IN_PREFIX) && !hasValue(id)) {
        const fn = builtInFunctionById(id);
        if (fn === undefined) fail(path, `"${id.slice(BUILT_IN_PREFIX.length)}" is not a built-in function a snapshot can refer to`);
        return fn;
      }
      if (!hasValue(id)) fail(path, `the value "${id}" is not registered; call registerValue("${id}", …) before restore()`);
      return valueById(id);
    },
  };
}
