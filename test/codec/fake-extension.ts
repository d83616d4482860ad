/**
 * A small stand-in for the snapshot layer's extension: Point and Frame are
 * "fields" records (cycles allowed), Handle is a "data" record, and
 * `registeredFunction` is restored by identity.
 */
import { CorruptSnapshotError } from "../../runtime/errors.js";
import { decodeGraph, type DecodeLimits } from "../../runtime/codec/decode.js";
import { encodeGraph, type EncodedGraph } from "../../runtime/codec/encode.js";
import { recordOfPairs, type Described, type ErrorPath, type Extension } from "../../runtime/codec/extension.js";
import { packJson, unpackJson } from "../../runtime/packed-json.js";

export class Point {
  constructor(
    public x: unknown,
    public y: unknown,
  ) {}
}

/** Stands for a generator frame: a label for error paths, locals as fields. */
export class Frame {
  constructor(
    public name: string,
    public locals: Record<string, unknown>,
  ) {}
}

/** Built from its data by load(), like a registered class with save/load hooks. */
export class Handle {
  loadedFrom: unknown;
  constructor(public spec: unknown) {}
}

export class FileHandle {}

export function registeredFunction(): string {
  return "registered";
}

export const fakeExtension: Extension = {
  describe(value: object): Described | undefined {
    if (value instanceof Point) return { kind: "fields", type: "Point", pairs: ["x", value.x, "y", value.y] };
    if (value instanceof Frame) {
      return { kind: "fields", type: "Frame", label: value.name, fieldLabel: "local", pairs: Object.entries(value.locals).flat(1) };
    }
    if (value instanceof Handle) return { kind: "data", type: "Handle", label: "Handle", data: value.spec };
    return undefined;
  },
  permanentId(value: unknown): string | undefined {
    return value === registeredFunction ? "fn:registered" : undefined;
  },
  keepsIntegrity(type: string): boolean {
    return type === "Point";
  },
  createShell(type: string, path: ErrorPath, _label?: string | null): object {
    if (type === "Point") return Object.create(Point.prototype) as object;
    if (type === "Frame") return Object.create(Frame.prototype) as object;
    throw new CorruptSnapshotError(`${path()}: unknown type ${JSON.stringify(type)}`);
  },
  fillShell(type: string, shell: object, pairs: readonly unknown[]): void {
    const fields = recordOfPairs(pairs);
    if (type === "Point") Object.assign(shell, { x: fields.x, y: fields.y });
    else Object.assign(shell, { name: "restored", locals: fields });
  },
  load(type: string, data: unknown, path: ErrorPath): object {
    if (type !== "Handle") throw new CorruptSnapshotError(`${path()}: unknown type ${JSON.stringify(type)}`);
    const handle = new Handle(data);
    // What the data looked like at load time: shows whether load ran after the data was complete.
    handle.loadedFrom = printable(data);
    return handle;
  },
  lookupPermanent(id: string, path: ErrorPath): unknown {
    if (id === "fn:registered") return registeredFunction;
    throw new CorruptSnapshotError(`${path()}: no permanent value ${JSON.stringify(id)}`);
  },
  explainUnserializable(value: unknown): string {
    if (typeof value === "function")
      return `function ${value.name || "(anonymous)"} is not serializable; register it with registerFunction()`;
    const name = ((value as object).constructor as { name?: string } | undefined)?.name || "object";
    return `${name} is not serializable; register it with registerClass()`;
  },
};

function printable(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === "function") return "[function]";
    if (typeof v === "bigint") return `${v}n`;
    if (typeof v === "object" && v !== null) {
      if (seen.has(v)) return "[seen]";
      seen.add(v);
    }
    return v;
  });
}

export const limits: DecodeLimits = { maxValues: 1_000_000 };

/** A graph after a trip through JSON, with its attachments as base64 text: what a text blob holds. */
export interface TextGraph {
  graph: EncodedGraph;
  attachments: string[];
}

export function encodeAsJson(value: unknown, ext: Extension = fakeExtension): TextGraph {
  const { graph, attachments } = encodeGraph(value, ext);
  return {
    graph: JSON.parse(JSON.stringify(graph)) as EncodedGraph,
    attachments: attachments.map((bytes) => Buffer.from(bytes).toString("base64")),
  };
}

/**
 * Encodes, goes through JSON text as a text snapshot does (or MessagePack as
 * a binary one does, `via: "packed"`), and decodes.
 */
export function roundTrip<T>(value: T, ext: Extension = fakeExtension, via: "json" | "packed" = "json"): T {
  if (via === "packed") {
    const { graph, attachments } = encodeGraph(value, ext);
    return decodeGraph(unpackJson(Uint8Array.from(packJson(graph))), ext, limits, attachments) as T;
  }
  const { graph, attachments } = encodeAsJson(value, ext);
  return decodeGraph(graph, ext, limits, attachments) as T;
}
