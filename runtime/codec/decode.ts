/**
 * Decodes the flat table described in tags.ts, the mirror of encode.ts. The
 * input is untrusted: every entry's shape, every index, length and offset is
 * checked, and every failure is a CorruptSnapshotError naming the entry.
 *
 * Pass 1 creates every entry's object (empty where it has slots), so pass 2
 * can fill them in any order and cycles work for every kind. "data" records
 * are the exception: they are built by ext.load() in the order load-order.ts
 * works out.
 */
import { CorruptSnapshotError, SnapshotError } from "../errors.js";
import type { Attachment } from "../envelope.js";
import { setOwnProperty } from "../own-property.js";
import type { ErrorPath, Extension } from "./extension.js";
import { findLoadOrder } from "./load-order.js";
import { ERRORS, ERROR_OWN_KEYS, NUMBER_SPELLINGS, SLOT_LAYOUTS, Tag, TYPED_ARRAYS } from "./tags.js";
import { keepHiddenClassAlive } from "../keep-hidden-class.js";

/** A sparse array this long, and mostly holes, gets storage for the elements present only (see Tag.SparseArray). */
const SPARSE_STORAGE_FROM = 1024;

export interface DecodeLimits {
  maxValues: number;
  maxStringLength?: number;
  maxByteLength?: number;
  maxArrayLength?: number;
}

/**
 * Decodes a graph whose ArrayBuffer entries may refer to `attachments` by
 * position (envelope.ts): base64 text from a text blob, bytes (copied, never
 * kept) from a binary one or from fork().
 */
export function decodeGraph(graph: unknown, ext: Extension, limits: DecodeLimits, attachments: readonly Attachment[] = []): unknown {
  if (typeof graph !== "object" || graph === null || !("root" in graph) || !("values" in graph)) {
    throw new CorruptSnapshotError("snapshot: expected an object with `values` and `root`");
  }
  const values = graph.values;
  if (!Array.isArray(values)) throw new CorruptSnapshotError("snapshot: `values` is not an array");
  if (values.length > limits.maxValues) {
    throw new CorruptSnapshotError(`snapshot: ${values.length} values, more than the limit of ${limits.maxValues}`);
  }
  const shapes = "shapes" in graph ? validShapes(graph.shapes, limits) : [];
  const decoder = new GraphDecoder(values, ext, limits, attachments, shapes);
  decoder.createAll();
  decoder.completeAll();
  const root = decoder.resolve(graph.root, -1, 0);
  if ("integrity" in graph) decoder.applyIntegrity((graph as { integrity: unknown }).integrity);
  return root;
}

/** The shapes table: a list of key lists, each key a string within the limits. */
function validShapes(shapes: unknown, limits: DecodeLimits): string[][] {
  if (!Array.isArray(shapes)) throw new CorruptSnapshotError("snapshot: `shapes` is not an array");
  const maxStringLength = limits.maxStringLength ?? Infinity;
  shapes.forEach((keys: unknown, i) => {
    if (!Array.isArray(keys) || !keys.every((key) => typeof key === "string" && key.length <= maxStringLength)) {
      throw new CorruptSnapshotError(`snapshot: shapes[${i}] must be a list of keys (strings of at most ${maxStringLength} characters)`);
    }
  });
  return shapes as string[][];
}

const INTEGRITY: Record<string, (object: object) => void> = {
  frozen: Object.freeze,
  sealed: Object.seal,
  nonextensible: Object.preventExtensions,
};

/** Stands for a "data" record's object until ext.load() has built it. */
const NOT_LOADED = Symbol("not loaded");
const MAX_ARRAY_LENGTH = 2 ** 32 - 1;
/** Where a [shape, slot, …] entry keeps its slots. */
const SHAPED_SLOTS = { first: 1, step: 1 };
const BIGINT_HEX = /^-?[0-9a-f]+$/;

class GraphDecoder {
  /** Freezes, seals or closes objects last, once everything is filled. */
  applyIntegrity(list: unknown): void {
    if (!Array.isArray(list)) throw new CorruptSnapshotError("snapshot: `integrity` is not an array");
    if (list.length > this.values.length) throw new CorruptSnapshotError("snapshot: `integrity` lists more objects than there are values");
    for (const [position, item] of list.entries()) {
      const [index, level] = Array.isArray(item) ? item : [];
      const object = Number.isInteger(index) && index >= 0 && index < this.objects.length ? this.objects[index as number] : undefined;
      if (typeof object !== "object" || object === null || !Array.isArray(this.values[index as number])) {
        throw new CorruptSnapshotError(`snapshot: integrity[${position}] does not name an object of the snapshot`);
      }
      // The encoder marks built-in kinds and the "fields" records whose kind keeps it (class instances), never a frame,
      // loaded data or a permanent value.
      const [tag, type] = this.values[index as number] as unknown[];
      if (tag === Tag.Data || tag === Tag.Permanent || (tag === Tag.Fields && !this.ext.keepsIntegrity(type as string))) {
        throw new CorruptSnapshotError(`snapshot: integrity[${position}] names a ${String(tag)} record, which is never frozen or sealed`);
      }
      const apply = typeof level === "string" && Object.hasOwn(INTEGRITY, level) ? INTEGRITY[level] : undefined;
      if (!apply) throw new CorruptSnapshotError(`snapshot: integrity[${position}] has an unknown level ${JSON.stringify(level)}`);
      try {
        apply(object);
      } catch (error) {
        // A typed array with elements cannot be frozen or sealed: no snapshot of ours asks for that.
        throw new CorruptSnapshotError(`snapshot: integrity[${position}] cannot be applied (${(error as Error).message})`);
      }
    }
  }

  private readonly values: unknown[];
  /** What each entry decodes to. */
  private readonly objects: unknown[];
  private readonly views: number[] = [];
  private readonly dataRecords: number[] = [];
  private readonly ext: Extension;
  private readonly maxStringLength: number;
  private readonly maxByteLength: number;
  private readonly maxArrayLength: number;

  private readonly attachments: readonly Attachment[];
  /** Each attachment makes one buffer: a blob must not make a thousand copies of its largest one. */
  private readonly attachmentUsed: boolean[] = [];

  private readonly shapes: readonly string[][];

  constructor(values: unknown[], ext: Extension, limits: DecodeLimits, attachments: readonly Attachment[], shapes: readonly string[][]) {
    this.values = values;
    this.attachments = attachments;
    this.shapes = shapes;
    this.objects = new Array(values.length);
    this.ext = ext;
    this.maxStringLength = limits.maxStringLength ?? Infinity;
    this.maxByteLength = limits.maxByteLength ?? Infinity;
    this.maxArrayLength = Math.min(limits.maxArrayLength ?? MAX_ARRAY_LENGTH, MAX_ARRAY_LENGTH);
  }

  /** Pass 1. Views come last, once the buffers they sit on exist. */
  createAll(): void {
    const { values, objects } = this;
    for (let index = 0; index < values.length; index++) {
      const entry = values[index];
      if (!Array.isArray(entry)) throw this.corrupt(index, "an entry must be an array that starts with its tag");
      if (typeof entry[0] === "number") {
        this.shapeOf(index, entry);
        objects[index] = {};
      } else if (typeof entry[0] === "string") {
        objects[index] = this.create(index, entry, entry[0]);
      } else {
        throw this.corrupt(index, "an entry must be an array that starts with its tag");
      }
    }
    for (const index of this.views) objects[index] = this.createView(index, values[index] as unknown[]);
  }

  private create(index: number, entry: unknown[], tag: string): unknown {
    switch (tag) {
      case Tag.Object:
        this.expectPairsFrom(index, entry, 1);
        return {};
      case Tag.NullProtoObject:
        this.expectPairsFrom(index, entry, 1);
        return Object.create(null);
      case Tag.Array:
        if (entry.length - 1 > this.maxArrayLength) {
          throw this.corrupt(index, `${entry.length - 1} elements, more than the limit of ${this.maxArrayLength}`);
        }
        return [];
      case Tag.NumberArray: {
        this.expectLength(index, entry, 2);
        const doubles = this.numbersFromAttachment(index, entry);
        if (doubles.length > this.maxArrayLength) {
          throw this.corrupt(index, `${doubles.length} elements, more than the limit of ${this.maxArrayLength}`);
        }
        // Preallocated and filled by index: several times faster than pushing or Array.from.
        const array: number[] = new Array(doubles.length);
        for (let i = 0; i < doubles.length; i++) array[i] = doubles[i]!;
        return array;
      }
      case Tag.SparseArray: {
        this.expectPairsFrom(index, entry, 2);
        const array: unknown[] = [];
        const length = this.integerAt(index, entry, 1, this.maxArrayLength);
        // Setting a length allocates storage for every element up to 2^25 of
        // them (256 MB for a 100-byte blob): for an array mostly of holes, an
        // element written far out first makes the engine keep only those present.
        const present = (entry.length - 2) / 2;
        if (length > SPARSE_STORAGE_FROM + 8 * present) {
          array[length - 1] = undefined;
          delete array[length - 1];
        } else {
          array.length = length;
        }
        return array;
      }
      case Tag.Map:
        this.expectPairsFrom(index, entry, 1);
        return new Map();
      case Tag.Set:
        return new Set();
      case Tag.Fields: {
        this.expectPairsFrom(index, entry, 3);
        const type = this.stringAt(index, entry, 1);
        this.labelAt(index, entry, 2);
        try {
          return this.ext.createShell(type, this.errorPath(index), entry[2] as string | null);
        } catch (error) {
          throw this.extensionFailure(index, error);
        }
      }
      case Tag.Data:
        this.expectLength(index, entry, 4);
        this.stringAt(index, entry, 1);
        this.labelAt(index, entry, 2);
        this.dataRecords.push(index);
        return NOT_LOADED;
      case Tag.Permanent: {
        this.expectLength(index, entry, 2);
        const id = this.stringAt(index, entry, 1);
        try {
          return this.ext.lookupPermanent(id, this.errorPath(index));
        } catch (error) {
          throw this.extensionFailure(index, error);
        }
      }
      case Tag.Undefined:
        this.expectLength(index, entry, 1);
        return undefined;
      case Tag.Number:
        this.expectLength(index, entry, 2);
        return this.numberAt(index, entry, 1);
      case Tag.BigInt:
        this.expectLength(index, entry, 2);
        return this.bigIntAt(index, entry, 1);
      case Tag.Symbol:
        this.expectLength(index, entry, 2);
        return Symbol.for(this.stringAt(index, entry, 1));
      case Tag.Date:
        this.expectLength(index, entry, 2);
        return new Date(this.numberAt(index, entry, 1));
      case Tag.RegExp: {
        this.expectLength(index, entry, 4);
        const source = this.stringAt(index, entry, 1);
        const flags = this.stringAt(index, entry, 2);
        try {
          return new RegExp(source, flags);
        } catch {
          throw this.corrupt(
            index,
            `invalid regular expression ${JSON.stringify(source.slice(0, 100))} with flags ${JSON.stringify(flags.slice(0, 20))}`,
          );
        }
      }
      case Tag.ArrayBuffer:
        this.expectLength(index, entry, 2);
        // Format version 1 kept the bytes inline as base64.
        return typeof entry[1] === "string" ? this.bufferFromBase64(index, entry[1], "[1]") : this.bufferFromAttachment(index, entry);
      case Tag.DataView:
        this.expectLength(index, entry, 4);
        this.views.push(index);
        return undefined;
      case Tag.BoxedNumber:
        this.expectLength(index, entry, 2);
        return Object(this.numberAt(index, entry, 1));
      case Tag.BoxedString:
        this.expectLength(index, entry, 2);
        return Object(this.stringAt(index, entry, 1));
      case Tag.BoxedBoolean:
        this.expectLength(index, entry, 2);
        if (typeof entry[1] !== "boolean") throw this.corrupt(index, "[1] must be true or false");
        return Object(entry[1]);
      case Tag.BoxedBigInt:
        this.expectLength(index, entry, 2);
        return Object(this.bigIntAt(index, entry, 1));
      case Tag.BoxedSymbol:
        this.expectLength(index, entry, 2);
        return Object(Symbol.for(this.stringAt(index, entry, 1)));
    }
    if (TYPED_ARRAYS.has(tag)) {
      this.expectLength(index, entry, 4);
      this.views.push(index);
      return undefined;
    }
    const ErrorClass = ERRORS.get(tag);
    if (ErrorClass !== undefined) {
      this.expectPairsFrom(index, entry, 1);
      const error = ErrorClass === AggregateError ? new AggregateError([]) : new (ErrorClass as ErrorConstructor)();
      // Only the saved properties belong on it, not the ones construction added.
      Reflect.deleteProperty(error, "stack");
      Reflect.deleteProperty(error, "errors");
      return error;
    }
    throw this.corrupt(index, "unknown tag");
  }

  private createView(index: number, entry: unknown[]): ArrayBufferView {
    const bufferIndex = this.referenceAt(index, entry, 1);
    const bufferEntry = this.values[bufferIndex] as unknown[];
    if (bufferEntry[0] !== Tag.ArrayBuffer) {
      throw this.corrupt(index, `[1] must refer to an ArrayBuffer, but values[${bufferIndex}] is not one`);
    }
    const buffer = this.objects[bufferIndex] as ArrayBuffer;
    const byteOffset = this.integerAt(index, entry, 2, Number.MAX_SAFE_INTEGER);
    const length = this.integerAt(index, entry, 3, Number.MAX_SAFE_INTEGER);
    const TypedArray = TYPED_ARRAYS.get(entry[0] as string);
    const elementSize = TypedArray?.BYTES_PER_ELEMENT ?? 1;
    if (byteOffset % elementSize !== 0 || byteOffset + length * elementSize > buffer.byteLength) {
      throw this.corrupt(
        index,
        `a view of ${length} × ${elementSize} bytes at byte ${byteOffset} does not fit its buffer ` +
          `values[${bufferIndex}] of ${buffer.byteLength} bytes`,
      );
    }
    return TypedArray === undefined ? new DataView(buffer, byteOffset, length) : new TypedArray(buffer, byteOffset, length);
  }

  /** Pass 2: data records and what they reach in dependency order, then every other entry. */
  completeAll(): void {
    const completed = this.dataRecords.length > 0 ? this.completeDataRecords() : undefined;
    for (let index = 0; index < this.values.length; index++) {
      if (completed === undefined || completed[index] === 0) this.fill(index);
    }
  }

  private completeDataRecords(): Uint8Array {
    const entries = this.values as unknown[][];
    const result = findLoadOrder(
      entries.length,
      this.dataRecords,
      (index) => entries[index][0] === Tag.Data,
      (index) => this.referencesOf(index),
    );
    if (result.cycleAt !== undefined) {
      throw this.corrupt(result.cycleAt, "its data refers back to it, but a data record can only be built once its data is complete");
    }
    const completed = new Uint8Array(entries.length);
    for (const index of result.order) {
      this.fill(index);
      completed[index] = 1;
    }
    return completed;
  }

  private referencesOf(index: number): number[] {
    const entry = this.values[index] as unknown[];
    const layout = typeof entry[0] === "number" ? SHAPED_SLOTS : SLOT_LAYOUTS.get(entry[0] as string);
    const refs: number[] = [];
    if (layout === undefined) return refs;
    for (let position = layout.first; position < entry.length; position += layout.step) {
      if (Array.isArray(entry[position])) refs.push(this.referenceAt(index, entry, position));
    }
    return refs;
  }

  /** The keys of a plain object written as [shape, slot, …], checked against its slots. */
  private shapeOf(index: number, entry: unknown[]): string[] {
    const shape = entry[0];
    if (!Number.isInteger(shape) || (shape as number) < 0 || (shape as number) >= this.shapes.length) {
      throw this.corrupt(index, `[0] must be a tag or the index of a shape (the snapshot has ${this.shapes.length})`);
    }
    const keys = this.shapes[shape as number]!;
    if (entry.length !== 1 + keys.length)
      throw this.corrupt(index, `expected ${1 + keys.length} items for shape ${shape}, found ${entry.length}`);
    return keys;
  }

  private fill(index: number): void {
    const entry = this.values[index] as unknown[];
    const target = this.objects[index];
    const tag = entry[0] as string;
    if (typeof tag === "number") {
      const keys = this.shapes[tag]!;
      for (let i = 0; i < keys.length; i++)
        setOwnProperty(target as Record<string, unknown>, keys[i]!, this.resolve(entry[1 + i], index, 1 + i));
      return;
    }
    switch (tag) {
      case Tag.Object:
      case Tag.NullProtoObject:
        this.fillProperties(index, entry, 1, target as Record<string, unknown>);
        return;
      case Tag.Array: {
        const array = target as unknown[];
        for (let position = 1; position < entry.length; position++) array.push(this.resolve(entry[position], index, position));
        return;
      }
      case Tag.SparseArray: {
        const array = target as unknown[];
        let previous = -1;
        for (let position = 2; position < entry.length; position += 2) {
          const element = entry[position];
          if (!Number.isInteger(element) || (element as number) <= previous || (element as number) >= array.length) {
            throw this.corrupt(index, `[${position}] must be an index above ${previous} and below the length ${array.length}`);
          }
          array[element as number] = this.resolve(entry[position + 1], index, position + 1);
          previous = element as number;
        }
        return;
      }
      case Tag.Map: {
        const map = target as Map<unknown, unknown>;
        for (let position = 1; position < entry.length; position += 2) {
          map.set(this.resolve(entry[position], index, position), this.resolve(entry[position + 1], index, position + 1));
        }
        return;
      }
      case Tag.Set: {
        const set = target as Set<unknown>;
        for (let position = 1; position < entry.length; position++) set.add(this.resolve(entry[position], index, position));
        return;
      }
      case Tag.RegExp:
        (target as { lastIndex: unknown }).lastIndex = this.resolve(entry[3], index, 3);
        return;
      case Tag.Fields: {
        // Handed over as pairs: no object is built per record (a frame's are read once, in order).
        const pairs: unknown[] = new Array(entry.length - 3);
        for (let position = 3; position < entry.length; position += 2) {
          pairs[position - 3] = this.stringAt(index, entry, position);
          pairs[position - 2] = this.resolve(entry[position + 1], index, position + 1);
        }
        try {
          this.ext.fillShell(entry[1] as string, target as object, pairs, this.errorPath(index));
        } catch (error) {
          throw this.extensionFailure(index, error);
        }
        return;
      }
      case Tag.Data: {
        const data = this.resolve(entry[3], index, 3);
        try {
          this.objects[index] = this.ext.load(entry[1] as string, data, this.errorPath(index));
        } catch (error) {
          throw this.extensionFailure(index, error);
        }
        return;
      }
    }
    if (ERRORS.has(tag)) {
      for (let position = 1; position < entry.length; position += 2) {
        const key = this.stringAt(index, entry, position);
        Object.defineProperty(target, key, {
          value: this.resolve(entry[position + 1], index, position + 1),
          writable: true,
          enumerable: !ERROR_OWN_KEYS.has(key),
          configurable: true,
        });
      }
    }
  }

  private fillProperties(index: number, entry: unknown[], first: number, target: Record<string, unknown>): void {
    for (let position = first; position < entry.length; position += 2) {
      setOwnProperty(target, this.stringAt(index, entry, position), this.resolve(entry[position + 1], index, position + 1));
    }
  }

  /** The value a slot holds; `owner` -1 is the root. */
  resolve(slot: unknown, owner: number, position: number): unknown {
    switch (typeof slot) {
      case "string":
        if (slot.length > this.maxStringLength) {
          throw this.corrupt(
            owner,
            `${this.where(owner, position)} is a string of ${slot.length} characters, more than the limit of ${this.maxStringLength}`,
          );
        }
        return slot;
      case "number":
      case "boolean":
        return slot;
      case "object": {
        if (slot === null) return null;
        if (!Array.isArray(slot)) break;
        const value = this.objects[this.reference(owner, position, slot)];
        if (value === NOT_LOADED) throw this.corrupt(owner, `${this.where(owner, position)} refers to a data record that is not built yet`);
        return value;
      }
    }
    throw this.corrupt(owner, `${this.where(owner, position)} is not a valid value`);
  }

  private referenceAt(index: number, entry: unknown[], position: number): number {
    const slot = entry[position];
    if (!Array.isArray(slot)) throw this.corrupt(index, `[${position}] must be a reference [index]`);
    return this.reference(index, position, slot);
  }

  private reference(owner: number, position: number, slot: unknown[]): number {
    const target = slot[0];
    if (slot.length === 1 && Number.isInteger(target) && (target as number) >= 0 && (target as number) < this.values.length) {
      return target as number;
    }
    const where = this.where(owner, position);
    if (slot.length === 1 && Number.isInteger(target)) {
      throw this.corrupt(owner, `${where} refers to values[${target}], which does not exist`);
    }
    throw this.corrupt(owner, `${where} is not a valid reference`);
  }

  private expectLength(index: number, entry: unknown[], length: number): void {
    if (entry.length !== length) throw this.corrupt(index, `expected ${length} items, found ${entry.length}`);
  }

  /** Entries that hold key/value (or index/value) pairs from `first` on. */
  private expectPairsFrom(index: number, entry: unknown[], first: number): void {
    if (entry.length < first || (entry.length - first) % 2 !== 0) {
      throw this.corrupt(index, `expected pairs after item ${first - 1}, found ${entry.length} items`);
    }
  }

  private stringAt(index: number, entry: unknown[], position: number): string {
    const value = entry[position];
    if (typeof value !== "string") throw this.corrupt(index, `[${position}] must be a string`);
    if (value.length > this.maxStringLength) {
      throw this.corrupt(index, `[${position}] is a string of ${value.length} characters, more than the limit of ${this.maxStringLength}`);
    }
    return value;
  }

  private labelAt(index: number, entry: unknown[], position: number): void {
    if (entry[position] !== null) this.stringAt(index, entry, position);
  }

  private integerAt(index: number, entry: unknown[], position: number, max: number): number {
    const value = entry[position];
    if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > max) {
      throw this.corrupt(index, `[${position}] must be an integer from 0 to ${max}`);
    }
    return value as number;
  }

  private numberAt(index: number, entry: unknown[], position: number): number {
    const value = entry[position];
    if (typeof value === "number") return value;
    const spelled = typeof value === "string" ? NUMBER_SPELLINGS.get(value) : undefined;
    if (spelled === undefined) throw this.corrupt(index, `[${position}] must be a number or one of "NaN", "Infinity", "-Infinity", "-0"`);
    return spelled;
  }

  private bigIntAt(index: number, entry: unknown[], position: number): bigint {
    const hex = this.stringAt(index, entry, position);
    if (!BIGINT_HEX.test(hex)) throw this.corrupt(index, `[${position}] must be a BigInt in lowercase hexadecimal`);
    return hex[0] === "-" ? -BigInt(`0x${hex.slice(1)}`) : BigInt(`0x${hex}`);
  }

  /**
   * The bytes an entry's [1] names: base64 decoded into a new buffer
   * (`owned`), or a view of the blob's (or, in fork(), the original's) own
   * bytes, which the caller must copy before keeping.
   */
  private attachmentBytes(index: number, entry: unknown[]): { bytes: Uint8Array; owned: boolean } {
    if (this.attachments.length === 0) throw this.corrupt(index, "[1] refers to an attachment, but the snapshot has none");
    const position = this.integerAt(index, entry, 1, this.attachments.length - 1);
    if (this.attachmentUsed[position]) throw this.corrupt(index, `attachment ${position} is already the bytes of another value`);
    this.attachmentUsed[position] = true;
    const attachment = this.attachments[position]!;
    if (typeof attachment === "string") {
      return { bytes: new Uint8Array(this.bufferFromBase64(index, attachment, `attachment ${position}`)), owned: true };
    }
    if (attachment.byteLength > this.maxByteLength) {
      throw this.corrupt(index, `${attachment.byteLength} bytes, more than the limit of ${this.maxByteLength}`);
    }
    return { bytes: attachment, owned: false };
  }

  private bufferFromAttachment(index: number, entry: unknown[]): ArrayBuffer {
    const { bytes, owned } = this.attachmentBytes(index, entry);
    const { buffer, byteOffset, byteLength } = bytes;
    if (owned) return buffer as ArrayBuffer;
    // A copy, never a view of the blob (or, in fork(), of the original): two
    // restores of one blob must not share memory. (node:v8's deserialize
    // returns large typed arrays that alias its input; we pay a copy instead.)
    if (buffer instanceof ArrayBuffer) return buffer.slice(byteOffset, byteOffset + byteLength);
    const copy = new Uint8Array(byteLength); // bytes on a SharedArrayBuffer
    copy.set(bytes);
    return copy.buffer;
  }

  /** A NumberArray's elements: read from the attachment in place (they are copied into the array), aligned if need be. */
  private numbersFromAttachment(index: number, entry: unknown[]): Float64Array {
    const { bytes } = this.attachmentBytes(index, entry);
    if (bytes.byteLength % 8 !== 0) throw this.corrupt(index, `${bytes.byteLength} bytes is not a whole number of float64 elements`);
    const aligned = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
    return new Float64Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 8);
  }

  /** `where` names the text in errors: "[1]" (inline, format version 1) or "attachment N". */
  private bufferFromBase64(index: number, text: string, where: string): ArrayBuffer {
    if (text.length % 4 !== 0) throw this.corrupt(index, `${where} must be base64 text`);
    const padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
    const byteLength = (text.length / 4) * 3 - padding;
    if (byteLength > this.maxByteLength) {
      throw this.corrupt(index, `${byteLength} bytes, more than the limit of ${this.maxByteLength}`);
    }
    // Node's decoder skips characters outside the alphabet or stops at a misplaced "=",
    // so any of them leaves fewer bytes than the text's length promises. (It also reads
    // the URL-safe "-" and "_" as "+" and "/": harmless.) This check costs nothing,
    // where a regular expression over a multi-megabyte text would cost more than decoding it.
    const buffer = new ArrayBuffer(byteLength);
    if (Buffer.from(buffer).write(text, "base64") !== byteLength) throw this.corrupt(index, `${where} is not valid base64`);
    return buffer;
  }

  private errorPath(index: number): ErrorPath {
    return () => this.extensionPath(index);
  }

  private extensionPath(index: number): string {
    const entry = this.values[index] as unknown[];
    const name = typeof entry[2] === "string" ? entry[2] : `${entry[0]} ${JSON.stringify(entry[1])}`;
    return `snapshot values[${index}] (${name})`;
  }

  /** SnapshotErrors from the extension pass through; anything else it throws means the input made no sense. */
  private extensionFailure(index: number, error: unknown): SnapshotError {
    if (error instanceof SnapshotError) return error;
    const reason = error instanceof Error ? error.message : String(error);
    return new CorruptSnapshotError(`${this.extensionPath(index)}: ${reason}`, { cause: error });
  }

  private where(owner: number, position: number): string {
    return owner === -1 ? "the root" : `[${position}]`;
  }

  private corrupt(index: number, message: string): CorruptSnapshotError {
    if (index === -1) return new CorruptSnapshotError(`snapshot: ${message}`);
    const entry = this.values[index];
    const tag = Array.isArray(entry) ? entry[0] : undefined;
    const kind = typeof tag === "string" && tag.length <= 40 ? ` (${tag})` : typeof tag === "number" ? " (Object)" : "";
    return new CorruptSnapshotError(`snapshot values[${index}]${kind}: ${message}`);
  }
}

keepHiddenClassAlive(new GraphDecoder([], {} as Extension, { maxValues: 0 }, [], []));
