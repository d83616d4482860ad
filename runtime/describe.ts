/**
 * describe(blob): a snapshot as plain data, for people and tools. Safe on
 * untrusted input: it decodes with the same checks as restore, but builds
 * no frame, constructs no registered class, runs no load hook and needs
 * none of the functions to be loaded. Registered classes and values appear
 * as `{ class, fields }`, `{ class, data }` and `{ registeredValue }`.
 */
import { decodeGraph } from "./codec/decode.js";
import { recordOfPairs, type Extension } from "./codec/extension.js";
import { unwrap, type Key, type SnapshotBlob } from "./envelope.js";
import { CorruptSnapshotError } from "./errors.js";
import { FRAME_TYPE_PREFIX } from "./function-table.js";
import { HELD_METHOD } from "./held-method.js";
import { limitOption } from "./options.js";
import { savedStatus } from "./saved-kinds.js";

export interface DescribedResumePoint {
  /** Ordinal of the yield in the function that wrote the snapshot. */
  index: number;
  label: string | undefined;
  line: number | undefined;
}

export interface DescribedFrame {
  functionId: string;
  /** File part of the function id, when it has the default `file#name` form. */
  file: string | undefined;
  name: string;
  version: string;
  status: "start" | "suspended" | "done";
  resumePoint: DescribedResumePoint | undefined;
  locals: Record<string, unknown>;
  /** The frame this one delegates to with `yield*`, as an index into `frames`. */
  delegate: number | undefined;
  /** For a `yield*` into something else than a frame: that iterator, described. */
  delegateIterator: unknown;
  /** Completions waiting for a finally block: [tryIndex, type, value]. */
  pending: unknown[];
}

export interface SnapshotDescription {
  /** The blob's size: characters of a text blob, bytes of a binary one. */
  bytes: number;
  signed: boolean;
  /** Every frame in the snapshot; the root is frames[0]. */
  frames: DescribedFrame[];
  /** The root's `yield*` chain, outermost first: indices into `frames`. */
  stack: number[];
}

export interface DescribeOptions {
  /** Verify the signature first (otherwise a signed blob is described unverified). */
  key?: Key | readonly Key[];
  maxBytes?: number;
  maxValues?: number;
}

const CLASS = "class:";

/** Placeholders the describing decoder builds instead of live objects. */
class FramePlaceholder {
  constructor(
    readonly functionId: string,
    /** `name (file:line)` as the snapshot wrote it. */
    readonly label: string | null,
  ) {}
  /** The frame record's fields, key then value. */
  pairs: readonly unknown[] = [];
  /** How a generator held in another frame's locals prints. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `<generator ${this.functionId}>`;
  }
}

function describingExtension(placeholders: FramePlaceholder[]): Extension {
  return {
    permanentId: () => undefined,
    describe: () => undefined,
    explainUnserializable: () => "not used while describing",
    // What restore accepts: a class instance's record may be frozen (its display record is, then).
    keepsIntegrity: (type) => type.startsWith(CLASS),
    createShell(type, _path, label) {
      if (type.startsWith(FRAME_TYPE_PREFIX)) {
        const placeholder = new FramePlaceholder(type.slice(FRAME_TYPE_PREFIX.length), label);
        placeholders.push(placeholder);
        return placeholder;
      }
      if (type.startsWith(CLASS)) return { class: type.slice(CLASS.length), fields: {} };
      if (type.startsWith("cursor.")) return { cursor: type.slice("cursor.".length) };
      if (type === HELD_METHOD) return { heldMethod: true };
      throw new CorruptSnapshotError(`unknown kind "${type}"`);
    },
    fillShell(type, shell, pairs) {
      if (shell instanceof FramePlaceholder) shell.pairs = pairs;
      else if (type.startsWith(CLASS)) (shell as { fields: unknown }).fields = recordOfPairs(pairs);
      else recordOfPairs(pairs, shell as Record<string, unknown>);
    },
    load(type, data) {
      if (type === "arguments") return { arguments: data };
      return { class: type.startsWith(CLASS) ? type.slice(CLASS.length) : type, data };
    },
    lookupPermanent(id) {
      return { registeredValue: id };
    },
  };
}

export function describe(blob: SnapshotBlob, options: DescribeOptions = {}): SnapshotDescription {
  const maxBytes = limitOption(options, "maxBytes", 64 * 1024 * 1024, "describe()");
  const maxValues = limitOption(options, "maxValues", 10_000_000, "describe()");
  const { graph, attachments, signed, size } = unwrap(blob, maxBytes, options.key, "describe()");
  const placeholders: FramePlaceholder[] = [];
  const root = decodeGraph(graph, describingExtension(placeholders), { maxValues }, attachments);
  // The root first, then the others in the order they were decoded.
  const ordered = root instanceof FramePlaceholder ? [root, ...placeholders.filter((p) => p !== root)] : placeholders;
  const indexOf = new Map(ordered.map((p, i) => [p, i]));
  const frames = ordered.map((placeholder) => describeFrame(placeholder, indexOf));
  const stack: number[] = [];
  for (
    let i: number | undefined = root instanceof FramePlaceholder ? 0 : undefined;
    i !== undefined && !stack.includes(i);
    i = frames[i]!.delegate
  ) {
    stack.push(i);
  }
  return { bytes: size, signed, frames, stack };
}

function describeFrame(placeholder: FramePlaceholder, indexOf: Map<FramePlaceholder, number>): DescribedFrame {
  const pairs = placeholder.pairs;
  const fields = recordOfPairs(pairs);
  const id = placeholder.functionId;
  const hash = id.lastIndexOf("#");
  // The label is "name (file:line)"; without one, fall back on the id's parts.
  const labelled = placeholder.label ? /^(.*) \((.*):(\d+)\)$/.exec(placeholder.label) : null;
  const locals = recordOfPairs(localPairs(pairs));
  const delegate = fields["#delegate"];
  const status = savedStatus(fields["#status"], "#at" in fields) ?? "suspended";
  return {
    functionId: id,
    file: labelled ? labelled[2] : hash > 0 ? id.slice(0, hash) : undefined,
    name: labelled ? labelled[1]! : hash >= 0 ? id.slice(hash + 1) : id,
    version: String(fields["#version"]),
    status,
    resumePoint:
      status === "suspended"
        ? { index: Number(fields["#at"]), label: fields["#label"] as string | undefined, line: fields["#line"] as number | undefined }
        : undefined,
    locals,
    delegate: delegate instanceof FramePlaceholder ? indexOf.get(delegate) : undefined,
    delegateIterator: delegate instanceof FramePlaceholder ? undefined : delegate,
    pending: Array.isArray(fields["#pending"]) ? (fields["#pending"] as unknown[]) : [],
  };
}

/** The pairs of a frame record whose key is not a control field ("#at", …): its locals. */
function localPairs(pairs: readonly unknown[]): unknown[] {
  const locals: unknown[] = [];
  for (let position = 0; position < pairs.length; position += 2) {
    if (!(pairs[position] as string).startsWith("#")) locals.push(pairs[position], pairs[position + 1]);
  }
  return locals;
}
