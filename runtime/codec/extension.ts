/**
 * How the snapshot layer plugs its own kinds into the value codec: resumable
 * generator frames, registered user classes, and registered values restored
 * by identity. The codec knows plain data and the built-ins; everything else
 * goes through here.
 */
import { setOwnProperty } from "../own-property.js";

export type Described =
  /**
   * Restored as an empty shell first and filled later, so it may sit in a
   * reference cycle. `pairs` lists the fields in order, key then value: a
   * list rather than an object, so that any name (a local called
   * `__proto__`) is a field like the others, and no object is built per record.
   */
  | {
      kind: "fields";
      type: string;
      label?: string;
      /** What error paths call a field ("local"), and notes on keys the user did not write ("(t0)": what it holds). */
      fieldLabel?: string;
      fieldNotes?: ReadonlyMap<string, string>;
      pairs: unknown[];
    }
  /** Restored by `load(type, data)` once `data` is complete, so its data must not refer back to it. */
  | { kind: "data"; type: string; label?: string; data: unknown }
  /** Restored by identity through `lookupPermanent(id)`. */
  | { kind: "permanent"; id: string };

/**
 * Where a record sits in the blob, for error messages ("snapshot values[4]
 * (minibatches (src/train.ts:14))"). A function, so that the text is only
 * built when something fails: building it for every record was a tenth of
 * restore's time.
 */
export type ErrorPath = () => string;

export interface Extension {
  /** Encode side. Called for a function or an object the codec does not know natively. `undefined` = not serializable. */
  describe(value: object): Described | undefined;
  /** Called BEFORE built-in handling for every object, so registered values can win: return an id or undefined. Cheap. */
  permanentId(value: unknown): string | undefined;
  /**
   * Decode side, pass 1: an empty instance for a "fields" record, given the
   * label the record was written with (untrusted, for display only). Throws
   * CorruptSnapshotError (or a subclass) for an unknown type.
   */
  createShell(type: string, path: ErrorPath, label: string | null): object;
  /**
   * Decode side, pass 2: fill it from the record's fields, key then value as
   * in `Described` (the keys checked to be strings; a key may repeat in a
   * blob from outside, and the last one counts, as in an object).
   */
  fillShell(type: string, shell: object, pairs: readonly unknown[], path: ErrorPath): void;
  /**
   * Whether an instance of a "fields" record's type can be frozen, sealed or
   * made non-extensible and come back so (a class instance can; a generator
   * frame, whose fields the runtime writes, cannot). Both sides ask it.
   */
  keepsIntegrity(type: string): boolean;
  /** "data" records: construct from fully decoded data. */
  load(type: string, data: unknown, path: ErrorPath): object;
  lookupPermanent(id: string, path: ErrorPath): unknown;
  /** Why a value is not serializable, for the error message, e.g. 'FileHandle is not serializable; register it with registerClass()'. */
  explainUnserializable(value: unknown): string;
}

/**
 * The fields of a "fields" record as properties of an object (a new one
 * unless `record` is given), for readers that look them up by name: every
 * key an own data property, "__proto__" included (setOwnProperty).
 */
export function recordOfPairs(pairs: readonly unknown[], record: Record<string, unknown> = {}): Record<string, unknown> {
  for (let position = 0; position < pairs.length; position += 2) setOwnProperty(record, pairs[position] as string, pairs[position + 1]);
  return record;
}
