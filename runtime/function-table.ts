/**
 * What the compiler tells the runtime about each resumable function (see
 * babel-plugin/frame-class.ts), and the registry of those functions. The
 * frame layout is written down once, in the README's design section.
 */
import { SnapshotError } from "./errors.js";
import type { Frame } from "./frame.js";
import { FRAME_FIELDS } from "./frame-layout.js";
import { methodNotReadAgainNote } from "./held-method.js";

export interface ResumePoint {
  /** The location the frame continues at: the value of `_next` while suspended here. */
  resumeAt: number;
  /** The location whose code contains the yield: `_prev` while suspended here (decides the enclosing try). */
  within: number;
  line: number;
  column: number;
  /** A user label from `/* @resume "name" *\/`. */
  label?: string;
  /** A `yield*`: the frame is suspended inside a delegate. */
  delegate: boolean;
  /** For `yield*`: the temporary that receives the delegate's return value. */
  resultTemp?: string;
  /** Fields whose values the code after this point may read. */
  live: string[];
  /** Iterators of the loops around this yield: set whenever the frame is suspended here. */
  iterators: string[];
}

/** [tryLoc, catchLoc, finallyLoc, afterLoc] of one try statement. */
export type TryLocs = [number, number | null, number | null, number | null];

export interface FunctionMetadata {
  id: string;
  version: string;
  name: string;
  location: string;
  /** What tells the defining file apart from other modules (the plugin's moduleKey option), when the compiler was given it. */
  module?: string;
  /** Field → the name in the source (`$i` → `i`, `_self` → `this`). */
  locals: Record<string, string>;
  temps: string[];
  /** Temporaries that hold a frame field (`_t0` ← `$f`): how engine messages name them (engine-messages.ts). */
  tempSources?: Record<string, string>;
  /** Temporaries that hold what a catch clause caught, with its parameter's source name (`_t0` ← `err`). */
  caughtTemps?: Record<string, string>;
  /**
   * Temporaries that hold a method read before the arguments of its call
   * (`o.m(yield x)`, held-method.ts's callMethodRead), with the field that
   * holds its object and its key: a snapshot leaves the method out when the
   * restored copy can read it again.
   */
  methodTemps?: Record<string, [objectField: string, key: string]>;
  params: string[];
  /** Fields that hold the iterator of a for…of or for…in loop. */
  iterators: string[];
  /** Fields the lowering declared to hold part of an expression (other than iterators and `temps`), live at a resume point or not. */
  compilerLocals?: string[];
  tryLocs: TryLocs[];
  finalLoc: number;
  /** Every location of the body: the only valid targets of a pending break or continue. */
  locations: number[];
  /** Indexed by ordinal: the n-th yield in the source. */
  resumePoints: ResumePoint[];
  /** An `async function*`: its frame class extends AsyncFrame. */
  async?: boolean;
  /** For an async generator: the resume locations of its awaits (not resume points: a snapshot is never taken there). */
  awaits?: number[];
  /** For an async generator: the fields of `iterators` that a `for await` holds (the others hold sync iterators). */
  asyncIterators?: string[];
  /**
   * A method of a class made more than once (in a function or a loop) whose
   * body uses that class's `super` or private names: its frames work only as
   * frames of their own evaluation's class, which a blob cannot name.
   */
  boundToClassEvaluation?: boolean;
}

export type FrameClass = (new (self: unknown, args: unknown, ...params: unknown[]) => Frame) & {
  /** Set by defineResumable. */
  metadata?: ResumableFunction;
};

export interface ResumableFunction extends FunctionMetadata {
  frameClass: FrameClass;
  /** resumeAt → ordinal, for snapshots. */
  ordinalByLocation: Map<number, number>;
  /** `name (file:line)`, for messages. */
  label: string;
  /** The label a blob records, for describe() without the code: only when the id does not already say `file#name`. */
  savedLabel: string | undefined;
  /** The type a blob records for this function's frames, `frame:` and the id: one flat string, not one built per snapshot. */
  savedType: string;
  /** Built once, for the snapshot and restore of every frame: */
  /** the saved key of each field a blob may set (`$i` ← `i`, `_self` ← `this`, `_t0` ← `(t0)`), keyed by that key; */
  fieldByKey: ReadonlyMap<string, string>;
  /** the saved keys of each resume point's live fields, in the order of `live`; */
  liveKeys: readonly (readonly string[])[];
  /** per resume point, what its compiler-made locals hold, for error paths (`local "(t0)" (…)`); */
  fieldNotes: readonly ReadonlyMap<string, string>[];
  paramKeys: readonly string[];
  iteratorFields: ReadonlySet<string>;
  asyncIteratorFields: ReadonlySet<string>;
  locationSet: ReadonlySet<number>;
  /**
   * A frame of this class that never runs, made by defineResumable. It keeps
   * the class's hidden class alive (keep-hidden-class.ts says why): without
   * it, a full GC at which no frame of the class was alive threw away the
   * code optimized for it: a loop that made a short generator per item went
   * from 68 ns per generator to 808 ns for the next 2,000 and 436 ns for the
   * 20,000 after (bench/experiments/creation.js).
   * Held here, not globally, so a class defined anew (a reloaded module)
   * lets its old one go.
   */
  idleFrame?: Frame;
}

/** How a blob names the type of a frame's record: this prefix, then the function's id. */
export const FRAME_TYPE_PREFIX = "frame:";

/** Field name in the frame → key in the saved record: the source's own name where there is one. */
export function keyOfField(field: string): string {
  if (field === "_self") return "this";
  if (field === "_args") return "arguments";
  if (field.startsWith("_t")) return `(${field.slice(1)})`;
  return field.slice(1);
}

const byId = new Map<string, ResumableFunction>();

export function defineResumable(frameClass: FrameClass, metadata: FunctionMetadata): void {
  const existing = byId.get(metadata.id);
  // The same file evaluated again (imported through a second URL, or edited
  // and reloaded by a watcher or a dev server) defines its functions anew:
  // the newer definition wins, as the newer module does. A file has at most
  // one function per id (the plugin refuses two), so only another file's
  // function can conflict.
  if (existing && existing.frameClass !== frameClass && !sameFile(existing, metadata)) {
    const where = (fn: FunctionMetadata) => (fn.module !== undefined ? `${fn.location} (${fn.module})` : fn.location);
    throw new SnapshotError(
      `two resumable functions have the id "${metadata.id}": ${where(existing)} and ${where(metadata)}; give one of them another id with /* @resumable("…") */`,
    );
  }
  const ordinalByLocation = new Map<number, number>();
  metadata.resumePoints.forEach((point, ordinal) => ordinalByLocation.set(point.resumeAt, ordinal));
  const [file, line] = metadata.location.split(":");
  const entry: ResumableFunction = {
    ...metadata,
    frameClass,
    ordinalByLocation,
    label: `${metadata.name} (${file}:${line})`,
    savedLabel: metadata.id === `${file}#${metadata.name}` ? undefined : `${metadata.name} (${file}:${line})`,
    savedType: FRAME_TYPE_PREFIX + metadata.id,
    fieldByKey: new Map([...Object.keys(metadata.locals), ...metadata.temps].map((field) => [keyOfField(field), field])),
    liveKeys: metadata.resumePoints.map((point) => point.live.map(keyOfField)),
    fieldNotes: metadata.resumePoints.map((point) =>
      notesOnCompilerLocals(point, metadata.compilerLocals, metadata.methodTemps, metadata.caughtTemps),
    ),
    paramKeys: metadata.params.map(keyOfField),
    iteratorFields: new Set(metadata.iterators),
    asyncIteratorFields: new Set(metadata.asyncIterators ?? []),
    locationSet: new Set(metadata.locations),
  };
  frameClass.metadata = entry;
  // The frame class also carries the static tables its generic code needs.
  Object.defineProperty(frameClass.prototype, "_tryLocs", { value: metadata.tryLocs, configurable: true });
  Object.defineProperty(frameClass.prototype, "_finalLoc", { value: metadata.finalLoc, configurable: true });
  if (metadata.async)
    Object.defineProperty(frameClass.prototype, "_awaitLocs", { value: new Set(metadata.awaits ?? []), configurable: true });
  // Last: an async frame's constructor reads `_awaitLocs`.
  const idleFrame = new frameClass(undefined, undefined);
  if (!Object.hasOwn(idleFrame, FRAME_FIELDS[0][0])) {
    // Code compiled before frame-layout.ts left these fields to Frame's initializers, which are gone.
    throw new SnapshotError(
      `${metadata.name} (${metadata.location}) was compiled by an older resumable-generators/babel-plugin: ` +
        "its frames do not create the fields this runtime needs; compile it again with this version's plugin",
    );
  }
  entry.idleFrame = idleFrame;
  byId.set(metadata.id, entry);
}

/**
 * The locals a user did not write, named for what they hold: regenerator's
 * temporaries (a call's callee or arguments evaluated before the yield in
 * its middle), the lowering passes' own (an optional chain's object), and
 * the iterators of the loops around the yield.
 */
function notesOnCompilerLocals(
  point: ResumePoint,
  compilerLocals: readonly string[] = [],
  methodTemps: FunctionMetadata["methodTemps"] = {},
  caughtTemps: FunctionMetadata["caughtTemps"] = {},
): ReadonlyMap<string, string> {
  const notes = new Map<string, string>();
  for (const field of point.live) {
    if (Object.hasOwn(caughtTemps, field)) {
      notes.set(keyOfField(field), `the exception the catch clause calls "${caughtTemps[field]}"`);
    } else if (Object.hasOwn(methodTemps, field)) {
      // A snapshot holds it only when reading it again would not give it.
      notes.set(keyOfField(field), methodNotReadAgainNote(methodTemps[field]![1], ` at line ${point.line}`));
    } else if (/^_t\d+$/.test(field) || compilerLocals.includes(field)) {
      notes.set(keyOfField(field), `part of an expression evaluated before the yield at line ${point.line}`);
    }
  }
  for (const field of point.iterators) notes.set(keyOfField(field), `the iterator of a loop around the yield at line ${point.line}`);
  return notes;
}

/** "src/train.js" of "src/train.js:12:3". */
function fileOf(location: string): string {
  return location.replace(/:\d+:\d+$/, "");
}

/**
 * Whether two definitions come from one file: by its module key when both
 * have one (the register hook gives it), else by the path in their
 * locations. Code compiled without a filename is "<unknown file>" wherever
 * it comes from, so nothing says it is one file.
 */
function sameFile(a: FunctionMetadata, b: FunctionMetadata): boolean {
  if (a.module !== undefined && b.module !== undefined) return a.module === b.module;
  return fileOf(a.location) === fileOf(b.location) && !b.location.startsWith("<unknown file>");
}

export function lookupFunction(id: string): ResumableFunction | undefined {
  return byId.get(id);
}

/**
 * A compiled generator function held as a value (`{ task: countdown }`, a
 * list of steps to spawn) is saved by its function id, as a permanent value
 * under this prefix, and restored as the function registered under that id.
 * Only while one function object has that id: an expression evaluated again,
 * a method of a class a factory makes anew (whose `super` and private names
 * belong to that evaluation), or a module loaded a second time make another,
 * and then a blob could not say which one it held, so neither is saved.
 */
export const GENERATOR_FUNCTION_PREFIX = "resumable-generators.function:";
const generatorFunctionIds = new WeakMap<Function, string>();
const generatorFunctionsById = new Map<string, Function | typeof MADE_MORE_THAN_ONCE>();
const MADE_MORE_THAN_ONCE = Symbol("made more than once");

/** Called by markGeneratorFunction, once the frame class is registered. */
export function noteGeneratorFunction(fn: Function, frameClass: FrameClass): void {
  const id = frameClass.metadata?.id;
  if (id === undefined) return;
  generatorFunctionIds.set(fn, GENERATOR_FUNCTION_PREFIX + id);
  const known = generatorFunctionsById.get(id);
  generatorFunctionsById.set(id, known === undefined || known === fn ? fn : MADE_MORE_THAN_ONCE);
}

/** A compiled generator function whose id another function object has too: no snapshot can hold it. */
export function isGeneratorFunctionMadeMoreThanOnce(value: Function): boolean {
  const permanentId = generatorFunctionIds.get(value);
  return (
    permanentId !== undefined && generatorFunctionsById.get(permanentId.slice(GENERATOR_FUNCTION_PREFIX.length)) === MADE_MORE_THAN_ONCE
  );
}

/** The permanent id of a compiled generator function, if `value` is one and the only function with its id. */
export function generatorFunctionPermanentId(value: unknown): string | undefined {
  if (typeof value !== "function") return undefined;
  const permanentId = generatorFunctionIds.get(value);
  return permanentId !== undefined && generatorFunctionsById.get(permanentId.slice(GENERATOR_FUNCTION_PREFIX.length)) === value
    ? permanentId
    : undefined;
}

/**
 * The compiled generator function registered under a permanent id with
 * GENERATOR_FUNCTION_PREFIX: undefined if none is, "ambiguous" if several were.
 */
export function generatorFunctionByPermanentId(permanentId: string): Function | "ambiguous" | undefined {
  const fn = generatorFunctionsById.get(permanentId.slice(GENERATOR_FUNCTION_PREFIX.length));
  return fn === MADE_MORE_THAN_ONCE ? "ambiguous" : fn;
}
