/**
 * Encodes a value graph into the flat table described in tags.ts. The walk is
 * iterative: each newly found object gets the next index and waits in the
 * table until its turn, so a 200,000-node list needs no call stack.
 */
import { types } from "node:util";
import { SnapshotError } from "../errors.js";
import type { Extension } from "./extension.js";
import { findLoadOrder } from "./load-order.js";
import { compactPlainObjects } from "./shapes.js";
import { ERRORS, ERROR_OWN_KEYS, NUMBER_ARRAY_MIN_LENGTH, SLOT_LAYOUTS, Tag, TYPED_ARRAYS } from "./tags.js";
import { keepHiddenClassAlive } from "../keep-hidden-class.js";

/** JSON-serializable: see tags.ts for the format. */
export interface EncodedGraph {
  values: unknown[];
  root: unknown;
  /** Key lists of plain objects, referred to by their entries (shapes.ts). Absent when there are none. */
  shapes?: string[][];
  /** Objects that are frozen, sealed or not extensible: [index, level]. Absent when there are none. */
  integrity?: Array<[number, IntegrityLevel]>;
}

export type IntegrityLevel = "frozen" | "sealed" | "nonextensible";

/** A graph and the bytes its ArrayBuffer entries refer to by position (envelope.ts stores them outside the JSON). */
export interface Encoded {
  graph: EncodedGraph;
  attachments: Uint8Array[];
}

/**
 * Encodes `root` and everything it reaches. Throws SnapshotError naming the
 * path to the first value that cannot be saved. The path starts with
 * `rootLabel`, else the root's own label if the extension gave it one, else "value".
 */
export function encodeGraph(root: unknown, ext: Extension, rootLabel?: string): Encoded {
  const encoder = new GraphEncoder(ext, rootLabel);
  const rootSlot = encoder.slot(root);
  encoder.encodeFoundObjects();
  encoder.refuseDataRecordCycles();
  // Last: from here on no error path needs to read a key from an entry.
  const shapes = compactPlainObjects(encoder.values);
  const graph: EncodedGraph = { values: encoder.values, root: rootSlot };
  if (shapes.length > 0) graph.shapes = shapes;
  if (encoder.integrity.length > 0) graph.integrity = encoder.integrity;
  return { graph, attachments: encoder.attachments };
}

/**
 * Native kinds by exact prototype: a subclass instance (class Foo extends Map)
 * or an object from another realm is not native and goes to the extension.
 */
const TAG_BY_PROTOTYPE = new Map<object | null, string>([
  [Object.prototype, Tag.Object],
  [null, Tag.NullProtoObject],
  [Array.prototype, Tag.Array],
  [Map.prototype, Tag.Map],
  [Set.prototype, Tag.Set],
  [Date.prototype, Tag.Date],
  [RegExp.prototype, Tag.RegExp],
  [ArrayBuffer.prototype, Tag.ArrayBuffer],
  [DataView.prototype, Tag.DataView],
  [Number.prototype, Tag.BoxedNumber],
  [String.prototype, Tag.BoxedString],
  [Boolean.prototype, Tag.BoxedBoolean],
  [BigInt.prototype, Tag.BoxedBigInt],
  [Symbol.prototype, Tag.BoxedSymbol],
  ...[...TYPED_ARRAYS].map(([tag, TypedArray]): [object, string] => [TypedArray.prototype, tag]),
  ...[...ERRORS].map(([tag, ErrorClass]): [object, string] => [ErrorClass.prototype, tag]),
]);

/**
 * Arrays up to this length are checked for named properties (a RegExp
 * match's `index`, `input`, ...) and refused if they have one. Listing a
 * longer array's property names lists its elements too, which costs more
 * than encoding them (320 ms for a million), so its named properties are
 * neither checked nor saved; symbol keys are refused on every array
 * (listing those does not touch the elements).
 */
const ARRAY_PROPERTY_CHECK_LIMIT = 1000;

/** Whether `key` is an array index below `length` ("01" is a property name, not an index). */
export function isIndexBelow(key: string | symbol, length: number): boolean {
  if (typeof key !== "string") return false;
  const index = Number(key);
  return index < length && String(index) === key;
}

/** Built-ins whose entries have no room for own properties: refuse rather than drop them. */
const REFUSES_OWN_PROPERTIES = new Set<string>([
  Tag.Map,
  Tag.Set,
  Tag.Date,
  Tag.RegExp,
  Tag.ArrayBuffer,
  Tag.DataView,
  Tag.BoxedNumber,
  Tag.BoxedBoolean,
  Tag.BoxedBigInt,
  Tag.BoxedSymbol,
]);

/** The element type a typed array was created with, whatever its prototype is now; undefined for anything else. */
const typedArrayName = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag)!.get as (
  this: unknown,
) => string | undefined;

/** The native tag for `value` (not a proxy), or undefined when the extension must describe it. */
function nativeTagOf(value: object): string | undefined {
  const tag = TAG_BY_PROTOTYPE.get(Object.getPrototypeOf(value));
  // A prototype can be borrowed (Object.create(Map.prototype)); the internal slots cannot.
  switch (tag) {
    case undefined:
      return undefined;
    // `arguments` and module namespaces look plain, but would come back as ordinary objects.
    case Tag.Object:
      return types.isArgumentsObject(value) ? undefined : tag;
    case Tag.NullProtoObject:
      return types.isModuleNamespaceObject(value) ? undefined : tag;
    case Tag.Array:
      return Array.isArray(value) ? tag : undefined;
    case Tag.Map:
      return types.isMap(value) ? tag : undefined;
    case Tag.Set:
      return types.isSet(value) ? tag : undefined;
    case Tag.Date:
      return types.isDate(value) ? tag : undefined;
    case Tag.RegExp:
      return types.isRegExp(value) ? tag : undefined;
    case Tag.ArrayBuffer:
      // A resizable buffer's maximum size is not part of the format.
      return types.isArrayBuffer(value) && !(value as { resizable?: boolean }).resizable ? tag : undefined;
    case Tag.DataView:
      return types.isDataView(value) ? tag : undefined;
    case Tag.BoxedNumber:
      return types.isNumberObject(value) ? tag : undefined;
    case Tag.BoxedString:
      return types.isStringObject(value) ? tag : undefined;
    case Tag.BoxedBoolean:
      return types.isBooleanObject(value) ? tag : undefined;
    case Tag.BoxedBigInt:
      return types.isBigIntObject(value) ? tag : undefined;
    case Tag.BoxedSymbol:
      return types.isSymbolObject(value) ? tag : undefined;
    default:
      if (TYPED_ARRAYS.has(tag)) return typedArrayName.call(value) === tag ? tag : undefined;
      return types.isNativeError(value) ? tag : undefined;
  }
}

/** For an object that is not extensible: how far closed it is. */
function integrityLevelOf(value: object): IntegrityLevel {
  return Object.isFrozen(value) ? "frozen" : Object.isSealed(value) ? "sealed" : "nonextensible";
}

function isAllNumbers(array: unknown[]): boolean {
  for (let index = 0; index < array.length; index++) if (typeof array[index] !== "number") return false;
  return true;
}

function spellNumber(value: number): number | string {
  if (Object.is(value, -0)) return "-0";
  return Number.isFinite(value) ? value : String(value);
}

function referencesOf(entry: unknown[]): number[] {
  const layout = SLOT_LAYOUTS.get(entry[0] as string);
  const refs: number[] = [];
  if (layout === undefined) return refs;
  for (let position = layout.first; position < entry.length; position += layout.step) {
    const slot = entry[position];
    if (Array.isArray(slot)) refs.push(slot[0] as number);
  }
  return refs;
}

class GraphEncoder {
  /** The entries; an object's entry is written when the object's turn comes. */
  readonly values: unknown[] = [];
  /** The value behind each entry, in the order found: also the work queue. */
  private readonly subjects: unknown[] = [];
  private readonly indexOf = new Map<unknown, number>();
  private readonly references: [number][] = [];
  /** For error paths only: the entry whose slot first reached each entry, and that slot's position. */
  private readonly parentOf: number[] = [];
  private readonly positionOf: number[] = [];
  /** For error paths only, made on first use (a graph of plain data needs neither). */
  private fieldLabels: Map<number, string> | undefined;
  private fieldNotes: Map<number, ReadonlyMap<string, string>> | undefined;
  private readonly dataRecords: number[] = [];
  /** The bytes of every ArrayBuffer, in the order of their entries: views, not copies. */
  readonly attachments: Uint8Array[] = [];
  /** Objects whose integrity level (frozen, sealed, not extensible) must come back too. */
  readonly integrity: Array<[number, IntegrityLevel]> = [];
  /** The entry being written; -1 and an empty entry while the root slot is written. */
  private current = -1;
  private currentEntry: unknown[] = [];
  private readonly ext: Extension;
  private readonly rootLabel: string | undefined;

  constructor(ext: Extension, rootLabel: string | undefined) {
    this.ext = ext;
    this.rootLabel = rootLabel;
  }

  slot(value: unknown): unknown {
    switch (typeof value) {
      case "string":
      case "boolean":
        return value;
      case "number":
        if (Number.isFinite(value) && (value !== 0 || 1 / value > 0)) return value;
        break;
      case "object":
        if (value === null) return null;
        break;
    }
    return this.referenceTo(value);
  }

  /** The slot `[index]` of a value's entry: one array per entry, shared by every slot that refers to it. */
  private referenceTo(value: unknown): [number] {
    // The table is keyed by SameValueZero, so -0 finds the entry stored under 0:
    // that is right, because 0 itself is always inline and never stored.
    const known = this.indexOf.get(value);
    if (known !== undefined) return this.references[known]!;
    const index = this.addEntry(value);
    const reference: [number] = [index];
    this.references.push(reference);
    return reference;
  }

  /** A table entry for a value seen for the first time (an object's entry is written when its turn comes). */
  private addEntry(value: unknown): number {
    const isObject = typeof value === "object" || typeof value === "function";
    const entry = isObject ? undefined : this.primitiveEntry(value);
    const index = this.values.length;
    this.indexOf.set(value, index);
    this.values.push(entry);
    this.subjects.push(value);
    this.parentOf.push(this.current);
    this.positionOf.push(this.currentEntry.length);
    return index;
  }

  private primitiveEntry(value: unknown): unknown[] {
    switch (typeof value) {
      case "undefined":
        return [Tag.Undefined];
      case "number":
        return [Tag.Number, spellNumber(value)];
      case "bigint":
        return [Tag.BigInt, value.toString(16)];
      case "symbol":
        return [Tag.Symbol, this.symbolKey(value)];
      default:
        throw new Error(`unreachable: ${typeof value}`);
    }
  }

  private symbolKey(symbol: symbol): string {
    const key = Symbol.keyFor(symbol);
    if (key === undefined) {
      throw this.refuse(this.pathHere(), `${String(symbol)} is not registered with Symbol.for(), so it could not be restored`);
    }
    return key;
  }

  encodeFoundObjects(): void {
    for (let index = 0; index < this.subjects.length; index++) {
      const subject = this.subjects[index];
      if (typeof subject === "object" || typeof subject === "function") this.encodeObject(index, subject!);
    }
  }

  private write(index: number, entry: unknown[]): unknown[] {
    this.values[index] = entry;
    this.currentEntry = entry;
    return entry;
  }

  private encodeObject(index: number, value: object): void {
    this.current = index;
    const permanentId = this.ext.permanentId(value);
    if (permanentId !== undefined) {
      this.write(index, [Tag.Permanent, permanentId]);
      return;
    }
    // Before anything reads it: reading a proxy's prototype or properties
    // would run its traps (a revoked one's throw), the extension's too.
    if (types.isProxy(value)) throw this.refuse(this.pathTo(index), this.ext.explainUnserializable(value));
    const tag = nativeTagOf(value);
    if (tag === undefined) {
      this.encodeDescribed(index, value);
      return;
    }
    if (REFUSES_OWN_PROPERTIES.has(tag)) {
      this.refuseOwnProperties(Object.keys(value), tag);
      this.refuseSymbolKeys(value);
    }
    if (!Object.isExtensible(value)) this.integrity.push([index, integrityLevelOf(value)]);
    const entry = this.write(index, [tag]);
    switch (tag) {
      case Tag.Object:
      case Tag.NullProtoObject:
        this.writeProperties(value, entry);
        break;
      case Tag.Array:
        this.writeArray(value as unknown[], entry);
        break;
      case Tag.Map:
        (value as Map<unknown, unknown>).forEach((mapValue, key) => {
          entry.push(this.slot(key));
          entry.push(this.slot(mapValue));
        });
        break;
      case Tag.Set:
        (value as Set<unknown>).forEach((element) => {
          entry.push(this.slot(element));
        });
        break;
      case Tag.Date:
        entry.push(spellNumber((value as Date).getTime()));
        break;
      case Tag.RegExp: {
        const regExp = value as RegExp;
        entry.push(regExp.source, regExp.flags);
        entry.push(this.slot(regExp.lastIndex));
        break;
      }
      case Tag.ArrayBuffer: {
        // The bytes travel beside the graph (envelope.ts), referred to by their
        // position. A detached buffer has no bytes to view and comes back empty.
        const buffer = value as ArrayBuffer;
        entry.push(this.attachments.length);
        this.attachments.push(buffer.byteLength === 0 ? new Uint8Array(0) : new Uint8Array(buffer));
        break;
      }
      case Tag.DataView: {
        const view = value as DataView;
        entry.push(this.slot(view.buffer));
        entry.push(view.byteOffset, view.byteLength);
        break;
      }
      case Tag.BoxedNumber:
        entry.push(spellNumber(Number.prototype.valueOf.call(value)));
        break;
      case Tag.BoxedString: {
        const text = String.prototype.valueOf.call(value);
        // A String object's first own keys are its character indexes.
        this.refuseOwnProperties(Object.keys(value).slice(text.length), tag);
        this.refuseSymbolKeys(value);
        entry.push(text);
        break;
      }
      case Tag.BoxedBoolean:
        entry.push(Boolean.prototype.valueOf.call(value));
        break;
      case Tag.BoxedBigInt:
        entry.push(BigInt.prototype.valueOf.call(value).toString(16));
        break;
      case Tag.BoxedSymbol:
        entry.push(this.symbolKey(Symbol.prototype.valueOf.call(value)));
        break;
      default:
        if (TYPED_ARRAYS.has(tag)) {
          // Typed arrays are not checked for extra named properties: listing
          // their names lists every element. Symbols are (that does not).
          this.refuseSymbolKeys(value);
          const view = value as Uint8Array;
          entry.push(this.slot(view.buffer));
          entry.push(view.byteOffset, view.length);
        } else {
          this.writeErrorProperties(value as Error, entry);
        }
    }
  }

  private encodeDescribed(index: number, value: object): void {
    let described: ReturnType<Extension["describe"]>;
    try {
      described = this.ext.describe(value);
    } catch (error) {
      // A refusal of the value itself (a generator that is running, or has a
      // request in progress) says where it sits, as every other refusal does.
      if (index !== 0 && error instanceof SnapshotError) error.message = `${this.pathTo(index)}: ${error.message}`;
      throw error;
    }
    if (described === undefined) throw this.refuse(this.pathTo(index), this.ext.explainUnserializable(value));
    switch (described.kind) {
      case "permanent":
        this.write(index, [Tag.Permanent, described.id]);
        return;
      case "data": {
        const entry = this.write(index, [Tag.Data, described.type, described.label ?? null]);
        this.dataRecords.push(index);
        entry.push(this.slot(described.data));
        return;
      }
      case "fields": {
        if (!Object.isExtensible(value) && this.ext.keepsIntegrity(described.type)) this.integrity.push([index, integrityLevelOf(value)]);
        const entry = this.write(index, [Tag.Fields, described.type, described.label ?? null]);
        if (described.fieldLabel !== undefined) (this.fieldLabels ??= new Map()).set(index, described.fieldLabel);
        if (described.fieldNotes !== undefined && described.fieldNotes.size > 0)
          (this.fieldNotes ??= new Map()).set(index, described.fieldNotes);
        const pairs = described.pairs;
        for (let position = 0; position < pairs.length; position += 2) {
          entry.push(pairs[position]);
          entry.push(this.slot(pairs[position + 1]));
        }
        return;
      }
      default:
        throw new SnapshotError(`${this.pathTo(index)}: describe() returned an unknown kind of record`);
    }
  }

  private writeProperties(object: object, entry: unknown[]): void {
    this.refuseSymbolKeys(object);
    for (const key of Object.keys(object)) {
      const descriptor = Object.getOwnPropertyDescriptor(object, key)!;
      entry.push(key);
      // An accessor is refused, never called.
      if (!("value" in descriptor)) throw this.refuseAccessor();
      entry.push(this.slot(descriptor.value));
    }
  }

  private writeErrorProperties(error: Error, entry: unknown[]): void {
    this.refuseSymbolKeys(error);
    for (const key of Object.getOwnPropertyNames(error)) {
      const descriptor = Object.getOwnPropertyDescriptor(error, key)!;
      if (!descriptor.enumerable && !ERROR_OWN_KEYS.has(key)) continue;
      entry.push(key);
      if ("value" in descriptor) entry.push(this.slot(descriptor.value));
      // Some V8 versions keep `stack` behind an accessor of their own.
      else if (key === "stack") entry.push(this.slot(error.stack));
      else throw this.refuseAccessor();
    }
  }

  private writeArray(array: unknown[], entry: unknown[]): void {
    const length = array.length;
    let firstHole = 0;
    while (firstHole < length && (array[firstHole] !== undefined || firstHole in array)) firstHole++;
    if (firstHole === length) {
      if (length <= ARRAY_PROPERTY_CHECK_LIMIT) {
        // Own keys, not just enumerable ones: a template literal's strings
        // array hides `raw` as non-enumerable, and must not lose it silently.
        // Symbols too, in the same call, which costs what listing the names alone did.
        const keys = Reflect.ownKeys(array);
        if (keys.length > length + 1) this.refuseArrayProperties(keys, length);
      } else {
        this.refuseArraySymbols(array);
      }
      if (length >= NUMBER_ARRAY_MIN_LENGTH && isAllNumbers(array)) {
        entry[0] = Tag.NumberArray;
        entry.push(this.attachments.length);
        this.attachments.push(new Uint8Array(Float64Array.from(array as number[]).buffer));
        return;
      }
      for (let index = 0; index < length; index++) entry.push(this.slot(array[index]));
      return;
    }
    // With holes, write index/value pairs: O(elements), however large the length.
    entry[0] = Tag.SparseArray;
    entry.push(length);
    // Own keys, as for a dense array (a non-enumerable name or a symbol is not lost silently either).
    const keys = Reflect.ownKeys(array);
    for (const key of keys) {
      if (key === "length") continue;
      if (!isIndexBelow(key, length)) this.refuseArrayProperties(keys, length);
      const index = Number(key);
      entry.push(index);
      entry.push(this.slot(array[index]));
    }
  }

  /** Refuses the first of an array's own keys that is neither an index nor `length`. */
  private refuseArrayProperties(keys: ReadonlyArray<string | symbol>, length: number): never {
    throw this.refuseArrayProperty(keys.find((key) => key !== "length" && !isIndexBelow(key, length))!);
  }

  private refuseArraySymbols(array: unknown[]): void {
    const symbols = Object.getOwnPropertySymbols(array);
    if (symbols.length > 0) throw this.refuseArrayProperty(symbols[0]!);
  }

  refuseDataRecordCycles(): void {
    if (this.dataRecords.length === 0) return;
    const entries = this.values as unknown[][];
    const result = findLoadOrder(
      entries.length,
      this.dataRecords,
      (index) => entries[index][0] === Tag.Data,
      (index) => referencesOf(entries[index]),
    );
    if (result.cycleAt === undefined) return;
    throw this.refuse(
      this.pathTo(result.cycleAt),
      `the data of this ${JSON.stringify(entries[result.cycleAt][1])} value refers back to it, ` +
        "but a value rebuilt from its data cannot be part of a reference cycle",
    );
  }

  private refuseSymbolKeys(object: object): void {
    const symbols = Object.getOwnPropertySymbols(object);
    if (symbols.length > 0) throw this.refuseSymbolKey(symbols[0]!);
  }

  private refuseSymbolKey(symbol: symbol): SnapshotError {
    return this.refuse(this.pathTo(this.current), `property ${String(symbol)} has a symbol key; only string keys can be saved`);
  }

  private refuseAccessor(): SnapshotError {
    return this.refuse(this.pathHere(), "a getter or setter cannot be saved (it is not called); only data properties can");
  }

  private refuseArrayProperty(key: string | symbol): SnapshotError {
    const name = typeof key === "symbol" ? String(key) : JSON.stringify(key);
    return this.refuse(this.pathTo(this.current), `array property ${name} cannot be saved; only an array's elements are`);
  }

  private refuseOwnProperties(keys: string[], tag: string): void {
    if (keys.length === 0) return;
    throw this.refuse(
      this.pathTo(this.current),
      `own property ${JSON.stringify(keys[0])} of a ${tag} cannot be saved; only plain objects and errors keep their properties`,
    );
  }

  private refuse(path: string, reason: string): SnapshotError {
    return new SnapshotError(`${path}: ${reason}`);
  }

  /** The path to the slot about to be written into the current entry. */
  private pathHere(): string {
    return this.current === -1 ? this.pathTo(-1) : this.pathTo(this.current, this.currentEntry.length);
  }

  /** Built only on error, by following parent links up to the root. */
  private pathTo(index: number, position?: number): string {
    const segments: string[] = [];
    if (position !== undefined) this.pushSegment(segments, index, position);
    let rootLabel = this.rootLabel;
    for (let child = index; child !== -1; child = this.parentOf[child]) {
      const entry = this.values[child] as unknown[] | undefined;
      const label = entry?.[0] === Tag.Fields || entry?.[0] === Tag.Data ? entry[2] : null;
      const parent = this.parentOf[child];
      if (parent === -1) {
        rootLabel ??= typeof label === "string" ? label : undefined;
      } else {
        if (typeof label === "string") segments.push(label);
        this.pushSegment(segments, parent, this.positionOf[child]);
      }
    }
    segments.push(rootLabel ?? "value");
    return segments.reverse().join(" › ");
  }

  /** Names the slot at `position` in entry `index`; a key or an index sits just before its slot. */
  private pushSegment(segments: string[], index: number, position: number): void {
    const entry = this.values[index] as unknown[];
    const tag = entry[0] as string;
    const keyBefore = JSON.stringify(entry[position - 1]);
    switch (tag) {
      case Tag.Object:
      case Tag.NullProtoObject:
        segments.push(`field ${keyBefore}`);
        return;
      case Tag.Fields: {
        const note = this.fieldNotes?.get(index)?.get(entry[position - 1] as string);
        segments.push(`${this.fieldLabels?.get(index) ?? "field"} ${keyBefore}${note === undefined ? "" : ` (${note})`}`);
        return;
      }
      case Tag.Array:
        segments.push(`[${position - 1}]`);
        return;
      case Tag.SparseArray:
        segments.push(`[${keyBefore}]`);
        return;
      case Tag.Map: {
        const pair = Math.floor((position - 1) / 2);
        segments.push((position - 1) % 2 === 0 ? `map key #${pair}` : `map value of key #${pair}`);
        return;
      }
      case Tag.Set:
        segments.push(`set element #${position - 1}`);
        return;
      case Tag.RegExp:
        segments.push(`field "lastIndex"`);
        return;
      case Tag.DataView:
        segments.push(`field "buffer"`);
        return;
      default:
        if (TYPED_ARRAYS.has(tag)) segments.push(`field "buffer"`);
        else if (ERRORS.has(tag)) segments.push(`field ${keyBefore}`);
      // A "data" record's data adds no segment of its own: its label already names it.
    }
  }
}

keepHiddenClassAlive(new GraphEncoder({} as Extension, undefined));
