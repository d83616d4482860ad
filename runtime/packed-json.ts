/**
 * JSON data as MessagePack: the graph of a binary blob (envelope.ts, format
 * version 3) is written with this instead of JSON text.
 *
 * Why by hand: packing the graph of a 10,000-entry Map takes half the time of
 * JSON.stringify + JSON.parse (bench/experiments/split.js), but the decoder
 * reads blobs from outside, and must accept JSON's data kinds and nothing
 * else. msgpackr, the fast library, cannot be restricted so: its extensions
 * are registered process-wide (code elsewhere in the process could add one
 * that our blobs would then invoke), and a record definition in the input
 * makes it compile a reader with `new Function`. @msgpack/msgpack can be
 * restricted but measured slower than JSON on our graphs (small frame 7.8
 * against 5.4 µs per round trip).
 *
 * The subset: nil, false, true, integers, float64 (float32 read too), str,
 * array, map with string keys, and one extension type for strings with a
 * lone surrogate (UTF-8 cannot hold them); the smallest form is written for
 * each, integers beyond 32 bits as float64 (64-bit integers are read when
 * below 2^53). What JSON.stringify would change, packing changes the same
 * way: a non-finite number becomes nil, an object property whose value is
 * undefined is left out, undefined in an array becomes nil. Unpacking makes
 * what JSON.parse would make (plain arrays, ordinary objects, "__proto__" an
 * own key and never the prototype) and refuses anything else with
 * CorruptSnapshotError: bin, other extension types, 64-bit integers beyond
 * 2^53, non-finite floats, non-string keys, nesting deeper than MAX_DEPTH,
 * counts the remaining bytes cannot hold, trailing bytes.
 */
import { CorruptSnapshotError } from "./errors.js";
import { setOwnProperty } from "./own-property.js";
import { keepHiddenClassAlive } from "./keep-hidden-class.js";

/** The graph nests four levels (graph › values › entry › reference); the limit bounds the decoder's recursion. */
const MAX_DEPTH = 16;
/** The one MessagePack extension type used: a string that is not well-formed UTF-16 (packUtf16). */
const UTF16_EXT_TYPE = 1;
/** fixext 1, 2, 4, 8, 16: the ext forms whose header holds no length. */
const FIXEXT_BY_LENGTH = new Map([
  [1, 0xd4],
  [2, 0xd5],
  [4, 0xd6],
  [8, 0xd7],
  [16, 0xd8],
]);
/** Strings shorter than this many UTF-16 units are packed as ASCII by a plain loop when they are; longer ones go to Buffer's UTF-8 routines. */
const ASCII_LOOP_MAX_LENGTH = 64;

/**
 * The output buffer, kept between calls (made by the first one) so that
 * packing a small graph allocates nothing but its result; grown as needed.
 */
let scratch: Buffer | undefined;
let scratchView: DataView | undefined;
/** Past this size a grown buffer is dropped after use rather than kept for the next call. */
const KEPT_SCRATCH_BYTES = 1024 * 1024;

const viewOf = (bytes: Buffer) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

class Packer {
  private bytes: Buffer;
  private view: DataView;
  private depth = 0;
  position = 0;

  constructor() {
    scratch ??= Buffer.allocUnsafeSlow(64 * 1024);
    scratchView ??= viewOf(scratch);
    this.bytes = scratch;
    this.view = scratchView;
  }

  /** The packed bytes: a view of the scratch buffer, valid until the next pack. */
  result(): Buffer {
    const bytes = this.bytes.subarray(0, this.position);
    if (this.bytes.byteLength <= KEPT_SCRATCH_BYTES) {
      scratch = this.bytes;
      scratchView = this.view;
    }
    return bytes;
  }

  private ensure(extra: number): void {
    if (this.position + extra <= this.bytes.byteLength) return;
    const grown = Buffer.allocUnsafeSlow(Math.max(this.bytes.byteLength * 2, this.position + extra));
    grown.set(this.bytes.subarray(0, this.position));
    this.bytes = grown;
    this.view = viewOf(grown);
  }

  pack(value: unknown): void {
    switch (typeof value) {
      case "string":
        this.packString(value);
        return;
      case "number":
        this.packNumber(value);
        return;
      case "boolean":
        this.ensure(1);
        this.bytes[this.position++] = value ? 0xc3 : 0xc2;
        return;
      case "object":
        if (value === null) break;
        if (Array.isArray(value)) this.packArray(value);
        else this.packMap(value as Record<string, unknown>);
        return;
      case "undefined":
        break;
      default:
        throw new TypeError(`cannot pack a ${typeof value}: only JSON data`);
    }
    this.ensure(1);
    this.bytes[this.position++] = 0xc0;
  }

  private packArray(array: readonly unknown[]): void {
    this.enter();
    this.packLength(array.length, 0x90, 0xdc);
    for (let index = 0; index < array.length; index++) this.pack(array[index]);
    this.depth--;
  }

  private packMap(object: Record<string, unknown>): void {
    this.enter();
    const keys = Object.keys(object).filter((key) => object[key] !== undefined);
    this.packLength(keys.length, 0x80, 0xde);
    for (const key of keys) {
      this.packString(key);
      this.pack(object[key]);
    }
    this.depth--;
  }

  /** Nothing deeper than the unpacker reads is written. */
  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw new RangeError(`packJson: the value nests deeper than ${MAX_DEPTH} levels`);
  }

  /** An array or map header: the fix form (`fix` + length) below 16, else the 16- or 32-bit form (`wide`, `wide` + 1). */
  private packLength(length: number, fix: number, wide: number): void {
    if (length < 16) {
      this.ensure(1);
      this.bytes[this.position++] = fix | length;
    } else this.packSizedHeader(length, undefined, wide, wide + 1);
  }

  /** A type byte and a length, in the smallest of the 8-bit (when the type has one), 16-bit and 32-bit forms. */
  private packSizedHeader(length: number, code8: number | undefined, code16: number, code32: number): void {
    this.ensure(5);
    const at = this.position;
    if (code8 !== undefined && length < 0x100) {
      this.bytes[at] = code8;
      this.bytes[at + 1] = length;
      this.position = at + 2;
    } else if (length < 0x10000) {
      this.bytes[at] = code16;
      this.view.setUint16(at + 1, length);
      this.position = at + 3;
    } else {
      this.bytes[at] = code32;
      this.view.setUint32(at + 1, length);
      this.position = at + 5;
    }
  }

  private packNumber(value: number): void {
    this.ensure(9);
    const bytes = this.bytes;
    const at = this.position;
    if (Number.isInteger(value) && value >= -0x80000000 && value <= 0xffffffff) {
      if (value >= 0) {
        if (value < 0x80) {
          bytes[at] = value;
          this.position = at + 1;
        } else if (value < 0x100) {
          bytes[at] = 0xcc;
          bytes[at + 1] = value;
          this.position = at + 2;
        } else if (value < 0x10000) {
          bytes[at] = 0xcd;
          this.view.setUint16(at + 1, value);
          this.position = at + 3;
        } else {
          bytes[at] = 0xce;
          this.view.setUint32(at + 1, value);
          this.position = at + 5;
        }
      } else if (value >= -32) {
        bytes[at] = value & 0xff;
        this.position = at + 1;
      } else if (value >= -0x80) {
        bytes[at] = 0xd0;
        this.view.setInt8(at + 1, value);
        this.position = at + 2;
      } else if (value >= -0x8000) {
        bytes[at] = 0xd1;
        this.view.setInt16(at + 1, value);
        this.position = at + 3;
      } else {
        bytes[at] = 0xd2;
        this.view.setInt32(at + 1, value);
        this.position = at + 5;
      }
    } else if (Number.isFinite(value)) {
      bytes[at] = 0xcb;
      this.view.setFloat64(at + 1, value);
      this.position = at + 9;
    } else {
      bytes[at] = 0xc0; // as JSON.stringify writes null
      this.position = at + 1;
    }
  }

  private packString(text: string): void {
    const length = text.length;
    if (length < ASCII_LOOP_MAX_LENGTH) {
      // Most strings of a graph are short ASCII keys, tags and names.
      this.ensure(2 + length);
      const bytes = this.bytes;
      const start = this.position + (length < 32 ? 1 : 2);
      let index = 0;
      for (; index < length; index++) {
        const code = text.charCodeAt(index);
        if (code >= 0x80) break;
        bytes[start + index] = code;
      }
      if (index === length) {
        if (length < 32) bytes[this.position] = 0xa0 | length;
        else {
          bytes[this.position] = 0xd9;
          bytes[this.position + 1] = length;
        }
        this.position = start + length;
        return;
      }
    }
    if (!(text as string & { isWellFormed(): boolean }).isWellFormed()) {
      this.packUtf16(text);
      return;
    }
    const byteLength = Buffer.byteLength(text, "utf8");
    if (byteLength < 32) {
      this.ensure(1);
      this.bytes[this.position++] = 0xa0 | byteLength;
    } else this.packSizedHeader(byteLength, 0xd9, 0xda, 0xdb);
    this.ensure(byteLength);
    this.position += this.bytes.write(text, this.position, byteLength, "utf8");
  }

  /**
   * A string with a lone surrogate has no UTF-8 form (a str would come back
   * with U+FFFD in its place), so it is written as ext type UTF16_EXT_TYPE
   * holding its UTF-16LE code units, which keep every one of them.
   */
  private packUtf16(text: string): void {
    const byteLength = text.length * 2;
    const fixed = FIXEXT_BY_LENGTH.get(byteLength);
    if (fixed !== undefined) {
      this.ensure(1);
      this.bytes[this.position++] = fixed;
    } else this.packSizedHeader(byteLength, 0xc7, 0xc8, 0xc9);
    this.ensure(1 + byteLength);
    const bytes = this.bytes;
    bytes[this.position++] = UTF16_EXT_TYPE;
    this.position += bytes.write(text, this.position, byteLength, "utf16le");
  }
}

// (This also makes the 64 KB scratch buffer when the module loads, not at the first pack.)
keepHiddenClassAlive(new Packer());

/**
 * `value` (JSON data) as MessagePack. The result is a view of a buffer the
 * next call reuses: copy it before packing again.
 */
export function packJson(value: unknown): Buffer {
  const packer = new Packer();
  packer.pack(value);
  return packer.result();
}

/** Big-endian float64 bytes are turned into a number through these (MessagePack is big-endian). */
const float64 = new Float64Array(1);
const float64Bytes = new Uint8Array(float64.buffer);
const float32 = new Float32Array(float64.buffer, 0, 1);
const littleEndian = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

const fromCharCodes = String.fromCharCode;

/**
 * Short ASCII strings already made, by a hash of their bytes: keys, tags and
 * names repeat across a graph and across blobs, and a string used as a
 * property key before is already internalized, which decoding's property
 * stores would otherwise do for each new copy.
 */
const SHORT_STRING_CACHE_SIZE = 4096;
/** Strings up to this many bytes are unpacked through the cache. */
const SHORT_STRING_MAX_BYTES = 16;
const shortStrings: Array<string | undefined> = new Array(SHORT_STRING_CACHE_SIZE);

/**
 * Up to 8 ASCII bytes as a string in one call. Most strings of a graph are
 * short (keys, tags, names), and this takes ~30 ns for one against ~70 ns
 * for a loop of `+=`, `Buffer#latin1Slice` or `fromCharCode.apply` (measured
 * on 4–16 characters): the unrolling is worth its looks.
 */
function asciiUpTo8(b: Uint8Array, at: number, length: number): string {
  switch (length) {
    case 0:
      return "";
    case 1:
      return fromCharCodes(b[at]!);
    case 2:
      return fromCharCodes(b[at]!, b[at + 1]!);
    case 3:
      return fromCharCodes(b[at]!, b[at + 1]!, b[at + 2]!);
    case 4:
      return fromCharCodes(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!);
    case 5:
      return fromCharCodes(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!, b[at + 4]!);
    case 6:
      return fromCharCodes(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!, b[at + 4]!, b[at + 5]!);
    case 7:
      return fromCharCodes(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!, b[at + 4]!, b[at + 5]!, b[at + 6]!);
    default:
      return fromCharCodes(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!, b[at + 4]!, b[at + 5]!, b[at + 6]!, b[at + 7]!);
  }
}

/** Up to SHORT_STRING_MAX_BYTES bytes as a string through the cache, or undefined when they are not all ASCII. */
function shortAscii(bytes: Uint8Array, start: number, length: number): string | undefined {
  let hash = length;
  for (let index = start; index < start + length; index++) {
    const code = bytes[index]!;
    if (code >= 0x80) return undefined;
    hash = (Math.imul(hash, 31) + code) | 0;
  }
  const slot = hash & (SHORT_STRING_CACHE_SIZE - 1);
  const cached = shortStrings[slot];
  if (cached !== undefined && cached.length === length) {
    let same = true;
    for (let index = 0; index < length && same; index++) same = cached.charCodeAt(index) === bytes[start + index];
    if (same) return cached;
  }
  const text = length <= 8 ? asciiUpTo8(bytes, start, length) : asciiUpTo8(bytes, start, 8) + asciiUpTo8(bytes, start + 8, length - 8);
  shortStrings[slot] = text;
  return text;
}

class Unpacker {
  private readonly bytes: Uint8Array;
  /** The same bytes as a Buffer, for its UTF-8 decoder; made for the first string that needs it. */
  private buffer: Buffer | undefined;
  private position = 0;
  private depth = 0;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  unpackAll(): unknown {
    const value = this.unpack();
    if (this.position !== this.bytes.length) throw this.corrupt(`${this.bytes.length - this.position} bytes follow its end`);
    return value;
  }

  private unpack(): unknown {
    const at = this.position;
    if (at >= this.bytes.length) throw this.truncated();
    const type = this.bytes[at]!;
    this.position = at + 1;
    if (type < 0x80) return type;
    if (type >= 0xe0) return type - 0x100;
    if (type < 0x90) return this.unpackMap(type & 0x0f);
    if (type < 0xa0) return this.unpackArray(type & 0x0f);
    if (type < 0xc0) return this.unpackString(type & 0x1f);
    switch (type) {
      case 0xc0:
        return null;
      case 0xc2:
        return false;
      case 0xc3:
        return true;
      case 0xca:
        return this.unpackFloat(4);
      case 0xcb:
        return this.unpackFloat(8);
      case 0xcc:
        return this.unsigned(1);
      case 0xcd:
        return this.unsigned(2);
      case 0xce:
        return this.unsigned(4);
      case 0xd0:
        return (this.unsigned(1) << 24) >> 24;
      case 0xd1:
        return (this.unsigned(2) << 16) >> 16;
      case 0xd2:
        return this.unsigned(4) | 0;
      case 0xcf:
        return this.safeInteger(this.unsigned(4) * 0x100000000 + this.unsigned(4), at);
      case 0xd3: {
        const high = this.unsigned(4) | 0;
        return this.safeInteger(high * 0x100000000 + this.unsigned(4), at);
      }
      case 0xd9:
        return this.unpackString(this.unsigned(1));
      case 0xda:
        return this.unpackString(this.unsigned(2));
      case 0xdb:
        return this.unpackString(this.unsigned(4));
      case 0xdc:
        return this.unpackArray(this.unsigned(2));
      case 0xdd:
        return this.unpackArray(this.unsigned(4));
      case 0xde:
        return this.unpackMap(this.unsigned(2));
      case 0xdf:
        return this.unpackMap(this.unsigned(4));
      case 0xd4:
      case 0xd5:
      case 0xd6:
      case 0xd7:
      case 0xd8:
        return this.unpackExtension(1 << (type - 0xd4), at);
      case 0xc7:
        return this.unpackExtension(this.unsigned(1), at);
      case 0xc8:
        return this.unpackExtension(this.unsigned(2), at);
      case 0xc9:
        return this.unpackExtension(this.unsigned(4), at);
      default:
        throw this.corrupt(`byte ${at} is MessagePack type 0x${type.toString(16)}, which a graph never holds`);
    }
  }

  /** Moves past `count` bytes and returns where they start. */
  private advance(count: number): number {
    const at = this.position;
    if (at + count > this.bytes.length) throw this.truncated();
    this.position = at + count;
    return at;
  }

  /** A big-endian unsigned integer of 1, 2 or 4 bytes. */
  private unsigned(size: 1 | 2 | 4): number {
    const at = this.advance(size);
    const bytes = this.bytes;
    if (size === 1) return bytes[at]!;
    if (size === 2) return (bytes[at]! << 8) | bytes[at + 1]!;
    return bytes[at]! * 0x1000000 + ((bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!);
  }

  /** A 64-bit integer (other encoders write them for large numbers) is read when JSON's numbers hold it exactly. */
  private safeInteger(value: number, at: number): number {
    if (!Number.isSafeInteger(value)) throw this.corrupt(`the 64-bit integer at byte ${at} is beyond 2^53, where numbers lose precision`);
    return value;
  }

  private unpackFloat(size: 4 | 8): number {
    const at = this.advance(size);
    for (let index = 0; index < size; index++) float64Bytes[littleEndian ? size - 1 - index : index] = this.bytes[at + index]!;
    const value = size === 8 ? float64[0]! : float32[0]!;
    if (!Number.isFinite(value)) throw this.corrupt(`the number at byte ${at - 1} is ${value}, which JSON cannot hold`);
    return value;
  }

  private enter(count: number, bytesEach: number): void {
    // Every element takes at least one byte: a count the remaining bytes cannot hold is refused before anything is allocated.
    if (count * bytesEach > this.bytes.length - this.position) throw this.truncated();
    if (++this.depth > MAX_DEPTH) throw this.corrupt(`it nests deeper than ${MAX_DEPTH} levels`);
  }

  private unpackArray(count: number): unknown[] {
    this.enter(count, 1);
    // Sized up front (the count is bounded by the bytes left): growing by push
    // reallocates a large array's backing store again and again.
    const array: unknown[] = new Array(count);
    for (let index = 0; index < count; index++) array[index] = this.unpack();
    this.depth--;
    return array;
  }

  private unpackMap(count: number): Record<string, unknown> {
    this.enter(count, 2);
    const object: Record<string, unknown> = {};
    for (let index = 0; index < count; index++) {
      const key = this.unpack();
      if (typeof key !== "string") throw this.corrupt(`a map key before byte ${this.position} is not a string`);
      const value = this.unpack();
      // As JSON.parse does: "__proto__" is an own property, not the prototype.
      setOwnProperty(object, key, value);
    }
    this.depth--;
    return object;
  }

  private unpackExtension(byteLength: number, at: number): string {
    const type = this.unsigned(1);
    if (type !== UTF16_EXT_TYPE || byteLength % 2 !== 0) {
      throw this.corrupt(
        `byte ${at} starts MessagePack extension type ${type} of ${byteLength} bytes; a graph holds only type ${UTF16_EXT_TYPE} (UTF-16 text, an even length)`,
      );
    }
    return this.decodeText("utf16le", this.advance(byteLength), byteLength);
  }

  private unpackString(byteLength: number): string {
    const start = this.advance(byteLength);
    if (byteLength <= SHORT_STRING_MAX_BYTES) {
      const text = shortAscii(this.bytes, start, byteLength);
      if (text !== undefined) return text;
    }
    // Invalid UTF-8 becomes U+FFFD, as in the header and in a text blob read from a file.
    return this.decodeText("utf8", start, byteLength);
  }

  /** Bytes as text through Buffer's decoders (a Buffer view of the input, made the first time one is needed). */
  private decodeText(encoding: "utf8" | "utf16le", start: number, byteLength: number): string {
    this.buffer ??= Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    return this.buffer.toString(encoding, start, start + byteLength);
  }

  private truncated(): CorruptSnapshotError {
    return this.corrupt(`it ends inside a value at byte ${this.position}; was it truncated?`);
  }

  private corrupt(reason: string): CorruptSnapshotError {
    return new CorruptSnapshotError(`the binary snapshot's packed graph is not valid: ${reason}`);
  }
}

keepHiddenClassAlive(new Unpacker(new Uint8Array(0)));

/** The JSON data packed in `bytes` (untrusted: see the refusals above). */
export function unpackJson(bytes: Uint8Array): unknown {
  return new Unpacker(bytes).unpackAll();
}
