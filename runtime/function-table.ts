/**
 * What the compiler tells the runtime about each resumable function (see
 * babel-plugin/frame-class.ts), and the registry of those functions. The
 * frame layout is written down once, in the README's design section.
 */
import { SnapshotError } from "./errors.js";
import type { Frame } from "./frame.js";

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
  /** Field → the name in the source (`$i` → `i`, `_self` → `this`). */
  locals: Record<string, string>;
  temps: string[];
  params: string[];
  /** Fields that hold the iterator of a for…of or for…in loop. */
  iterators: string[];
  tryLocs: TryLocs[];
  finalLoc: number;
  /** Every location of the body: the only valid targets of a pending break or continue. */
  locations: number[];
  /** Indexed by ordinal: the n-th yield in the source. */
  resumePoints: ResumePoint[];
}

export type FrameClass = (new (self: unknown, args: unknown, ...params: unknown[]) => Frame) & {
  /** Set by defineResumable. */
  metadata?: ResumableFunction;
};

export interface ResumableFunction extends FunctionMetadata {
  frameClass: FrameClass;
  /** resumeAt → ordinal, for snapshots. */
  ordinalByLocation: Map<number, number>;
  /** `file:line` of the function, for messages. */
  sourceLine: string;
  /** Lookups restore needs for every frame, built once. */
  allowedFields: ReadonlySet<string>;
  iteratorFields: ReadonlySet<string>;
  locationSet: ReadonlySet<number>;
}

const byId = new Map<string, ResumableFunction>();

export function defineResumable(frameClass: FrameClass, metadata: FunctionMetadata): void {
  const existing = byId.get(metadata.id);
  if (existing && existing.frameClass !== frameClass) {
    if (existing.version === metadata.version && existing.location === metadata.location) {
      // The same module evaluated twice (e.g. imported through two URLs):
      // the newer class wins; both behave the same.
    } else {
      throw new SnapshotError(
        `two resumable functions have the id "${metadata.id}": ${existing.location} and ${metadata.location}; give one of them another id with /* @resumable("…") */`,
      );
    }
  }
  const ordinalByLocation = new Map<number, number>();
  metadata.resumePoints.forEach((point, ordinal) => ordinalByLocation.set(point.resumeAt, ordinal));
  const [file, line] = metadata.location.split(":");
  const entry: ResumableFunction = {
    ...metadata,
    frameClass,
    ordinalByLocation,
    sourceLine: `${file}:${line}`,
    allowedFields: new Set([...Object.keys(metadata.locals), ...metadata.temps]),
    iteratorFields: new Set(metadata.iterators),
    locationSet: new Set(metadata.locations),
  };
  frameClass.metadata = entry;
  // The frame class also carries the static tables its generic code needs.
  Object.defineProperty(frameClass.prototype, "_tryLocs", { value: metadata.tryLocs, configurable: true });
  Object.defineProperty(frameClass.prototype, "_finalLoc", { value: metadata.finalLoc, configurable: true });
  byId.set(metadata.id, entry);
}

export function lookupFunction(id: string): ResumableFunction | undefined {
  return byId.get(id);
}
