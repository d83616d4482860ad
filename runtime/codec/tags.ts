/**
 * The value format, shared by encode.ts and decode.ts. A graph is plain JSON:
 * `{ values: Entry[], root: Slot, shapes?: string[][], integrity?: [index, level][] }`.
 *
 * A slot holds one value:
 *   - a string, a boolean, null, or a finite number other than -0: the value itself;
 *   - `[i]`: the value that `values[i]` describes. Every object is an entry, written
 *     once however often it is reached, so identity and cycles survive.
 *
 * An entry is an array whose first element is its tag, or a number for a plain object:
 *   [shape, slot, ...]                                                     a plain object whose keys are shapes[shape] (shapes.ts)
 *   ["undefined"]  ["number", n]  ["bigint", hex]  ["symbol", key]       primitives with no JSON form
 *   ["Object", key, slot, ...]  ["NullProtoObject", key, slot, ...]       own enumerable properties
 *   ["Array", slot, ...]                                                   no holes
 *   ["NumberArray", attachment]                                            no holes, only numbers, at least NUMBER_ARRAY_MIN_LENGTH
 *                                                                          of them: the elements as float64 bytes (host order) in an
 *                                                                          attachment; JSON's decimal numbers cost 15× more to write and read
 *   ["SparseArray", length, index, slot, index, slot, ...]                 indexes ascending
 *   ["Map", key slot, value slot, ...]  ["Set", slot, ...]                 insertion order
 *   ["Date", n]  ["RegExp", source, flags, lastIndex slot]
 *   ["ArrayBuffer", base64]                                                raw bytes in host order (little-endian on x64, arm64)
 *   ["Float64Array" (any typed array), [buffer], byteOffset, length]       [buffer] refers to an ArrayBuffer entry
 *   ["DataView", [buffer], byteOffset, byteLength]
 *   ["Number", n]  ["String", s]  ["Boolean", b]  ["BigInt", hex]  ["Symbol", key]    boxed primitives
 *   ["TypeError" (any built-in error), key, slot, ...]                    own properties, see ERROR_OWN_KEYS
 *   ["fields", type, label|null, key, slot, ...]  ["data", type, label|null, slot]  ["permanent", id]
 *                                                                          extension records (extension.ts)
 * `n` is a JSON number or one of "NaN", "Infinity", "-Infinity", "-0".
 * `hex` is a BigInt in base 16 with an optional "-": base 10 takes quadratic time to parse.
 * `key` of a symbol is its Symbol.for() key.
 */

export const Tag = {
  Undefined: "undefined",
  Number: "number",
  BigInt: "bigint",
  Symbol: "symbol",
  Object: "Object",
  NullProtoObject: "NullProtoObject",
  Array: "Array",
  NumberArray: "NumberArray",
  SparseArray: "SparseArray",
  Map: "Map",
  Set: "Set",
  Date: "Date",
  RegExp: "RegExp",
  ArrayBuffer: "ArrayBuffer",
  DataView: "DataView",
  BoxedNumber: "Number",
  BoxedString: "String",
  BoxedBoolean: "Boolean",
  BoxedBigInt: "BigInt",
  BoxedSymbol: "Symbol",
  Fields: "fields",
  Data: "data",
  Permanent: "permanent",
} as const;

export const NUMBER_ARRAY_MIN_LENGTH = 256;

/** Numbers JSON cannot hold, spelled out wherever an entry holds a raw number. */
export const NUMBER_SPELLINGS: ReadonlyMap<string, number> = new Map([
  ["NaN", NaN],
  ["Infinity", Infinity],
  ["-Infinity", -Infinity],
  ["-0", -0],
]);

type TypedArrayConstructor =
  | Int8ArrayConstructor
  | Uint8ArrayConstructor
  | Uint8ClampedArrayConstructor
  | Int16ArrayConstructor
  | Uint16ArrayConstructor
  | Int32ArrayConstructor
  | Uint32ArrayConstructor
  | Float32ArrayConstructor
  | Float64ArrayConstructor
  | BigInt64ArrayConstructor
  | BigUint64ArrayConstructor;

/** The only constructors decode calls for views, keyed by tag: never a global looked up by a name from the input. */
export const TYPED_ARRAYS: ReadonlyMap<string, TypedArrayConstructor> = new Map<string, TypedArrayConstructor>([
  ["Int8Array", Int8Array],
  ["Uint8Array", Uint8Array],
  ["Uint8ClampedArray", Uint8ClampedArray],
  ["Int16Array", Int16Array],
  ["Uint16Array", Uint16Array],
  ["Int32Array", Int32Array],
  ["Uint32Array", Uint32Array],
  ["Float32Array", Float32Array],
  ["Float64Array", Float64Array],
  ["BigInt64Array", BigInt64Array],
  ["BigUint64Array", BigUint64Array],
]);

export const ERRORS: ReadonlyMap<string, ErrorConstructor | AggregateErrorConstructor> = new Map<
  string,
  ErrorConstructor | AggregateErrorConstructor
>([
  ["Error", Error],
  ["TypeError", TypeError],
  ["RangeError", RangeError],
  ["SyntaxError", SyntaxError],
  ["ReferenceError", ReferenceError],
  ["EvalError", EvalError],
  ["URIError", URIError],
  ["AggregateError", AggregateError],
]);

/** Own properties the built-in errors create non-enumerable; saved even so, and restored non-enumerable. */
export const ERROR_OWN_KEYS: ReadonlySet<string> = new Set(["message", "stack", "cause", "errors"]);

/**
 * Where an entry that needs filling keeps its slots: entry[first], entry[first + step], ...
 * to its end. Entries without a layout are complete as soon as they are created.
 */
export interface SlotLayout {
  readonly first: number;
  readonly step: number;
}

const keyedSlots: SlotLayout = { first: 2, step: 2 };
const listSlots: SlotLayout = { first: 1, step: 1 };

export const SLOT_LAYOUTS: ReadonlyMap<string, SlotLayout> = new Map<string, SlotLayout>([
  [Tag.Object, keyedSlots],
  [Tag.NullProtoObject, keyedSlots],
  [Tag.Array, listSlots],
  [Tag.SparseArray, { first: 3, step: 2 }],
  [Tag.Map, listSlots],
  [Tag.Set, listSlots],
  [Tag.RegExp, { first: 3, step: 1 }],
  ...[...ERRORS.keys()].map((tag): [string, SlotLayout] => [tag, keyedSlots]),
  [Tag.Fields, { first: 4, step: 2 }],
  [Tag.Data, { first: 3, step: 1 }],
]);
