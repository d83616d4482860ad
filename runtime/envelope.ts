/**
 * The outside of a blob: format name and version around the value graph,
 * the bytes of its ArrayBuffers kept out of the JSON as attachments, and
 * optionally an HMAC-SHA256 checked before anything inside is decoded.
 *
 * Text (a string):
 *   {"format":"resumable-generators","version":2,"graph":{…},"attachments":[byteLength, …]}
 *   \n<attachment 0 as base64>
 *   \n<attachment 1 as base64> …
 * Signed, the header holds the graph as text and the signature instead of the graph:
 *   {"format":"resumable-generators","version":2,"payload":"{…graph…}","attachments":[…],"hmac":"<base64url>"}
 * Binary (bytes, what checkpoints write), format version 3:
 *   MAGIC (8 bytes) · header length (uint32 LE) · the header as UTF-8 JSON
 *   · the graph as MessagePack (packed-json.ts) · each attachment's raw bytes,
 *   every part starting at a multiple of 8; the header gives the lengths:
 *   {"format":"resumable-generators","version":3,"packedGraph":byteLength,"attachments":[…],"hmac":"<base64url>"}
 *   (hmac only when signed; it covers the packed graph instead of a payload text).
 *   Version 2 binary blobs (the JSON graph inside the header) are still read.
 *
 * Why attachments: a typed array of a million doubles is 10.7 MB of base64.
 * Inside the JSON, JSON.stringify and JSON.parse scan every character of it
 * (24 ms for that array, 30× node:v8's whole round trip); on lines of their
 * own the text form only runs Node's base64 routines, and the binary form
 * copies the bytes once each way (node:v8 copies once: its deserialized
 * arrays share memory with the serialized bytes, which restore must not).
 *
 * Why MessagePack in binary blobs: JSON.stringify + JSON.parse were half
 * the time of a round trip through a text blob (a 10,000-entry Map: 5.5 of
 * 13.7 ms); packing takes about half of that (packed-json.ts).
 *
 * Version 1 blobs (no attachments; buffers as base64 strings inside the
 * graph) are still read.
 */
import type { Hmac } from "node:crypto";
import { createRequire } from "node:module";
import { CorruptSnapshotError, SignatureError } from "./errors.js";
import { checkedKey } from "./options.js";
import { packJson, unpackJson } from "./packed-json.js";

export const FORMAT = "resumable-generators";
/** What toText writes: the graph as JSON inside the header. */
export const TEXT_FORMAT_VERSION = 2;
/** What toBytes writes: the graph packed after the header. */
export const BINARY_FORMAT_VERSION = 3;
const READABLE_VERSIONS: ReadonlySet<unknown> = new Set([1, 2, 3]);
/** "1, 2 and 3", for the refusal of any other version. */
const READABLE_VERSION_LIST = ((versions: unknown[]) => `${versions.slice(0, -1).join(", ")} and ${String(versions.at(-1))}`)([
  ...READABLE_VERSIONS,
]);

/** "\x89RGS\r\n\x1a\n": not UTF-8 text, and a transfer that rewrites line ends or drops the 8th bit breaks it visibly. */
const MAGIC = Uint8Array.of(0x89, 0x52, 0x47, 0x53, 0x0d, 0x0a, 0x1a, 0x0a);
const HEADER_START = MAGIC.length + 4;
const ALIGNMENT = 8;

export type Key = string | Uint8Array;
/** A blob as snapshot() returns it: text by default, bytes with `{ binary: true }`. */
export type SnapshotBlob = string | Uint8Array;
/** An attachment as the decoder receives it: base64 text (text blobs) or the bytes themselves. */
export type Attachment = string | Uint8Array;

export interface Unwrapped {
  /** The graph, still untrusted. */
  graph: unknown;
  attachments: Attachment[];
  signed: boolean;
  /** The blob's length: characters of a text blob, bytes of a binary one. */
  size: number;
}

/**
 * node:crypto, loaded by the first signed blob: loading it took 2–4 ms of
 * the runtime's import (bench/experiments/import-time.js), which a process
 * that never signs need not pay.
 */
let cryptoModule: typeof import("node:crypto") | undefined;
const nodeCrypto = () => (cryptoModule ??= createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto"));

const align = (offset: number) => Math.ceil(offset / ALIGNMENT) * ALIGNMENT;

function bytesOf(attachment: Uint8Array): Buffer {
  return Buffer.from(attachment.buffer, attachment.byteOffset, attachment.byteLength);
}

/**
 * The MAC covers the graph's text, the attachments' lengths and their
 * contents, in an unambiguous framing: neither JSON text holds a raw newline,
 * and once the lengths are fixed the contents cannot shift between
 * attachments.
 */
function mac(key: Key, payload: string | Uint8Array, lengths: readonly number[], contents: readonly (string | Uint8Array)[]): Buffer {
  const hmac: Hmac = nodeCrypto().createHmac("sha256", key);
  if (typeof payload === "string") hmac.update(payload, "utf8");
  else hmac.update(payload);
  hmac.update("\n").update(JSON.stringify(lengths));
  for (const content of contents) hmac.update("\n").update(content);
  return hmac.digest();
}

function textHeader(graph: unknown, lengths: number[], signedWith: ((payload: string) => string) | undefined): string {
  const attachments = lengths.length > 0 ? lengths : undefined;
  if (signedWith === undefined) return JSON.stringify({ format: FORMAT, version: TEXT_FORMAT_VERSION, graph, attachments });
  const payload = JSON.stringify(graph);
  return JSON.stringify({ format: FORMAT, version: TEXT_FORMAT_VERSION, payload, attachments, hmac: signedWith(payload) });
}

export function toText(graph: unknown, attachments: readonly Uint8Array[], key: Key | undefined): string {
  // The common case, a graph without buffers and unsigned: the header is the blob.
  if (attachments.length === 0 && key === undefined) return textHeader(graph, [], undefined);
  const lengths = attachments.map((attachment) => attachment.byteLength);
  const texts = attachments.map((attachment) => bytesOf(attachment).toString("base64"));
  const sign = key === undefined ? undefined : (payload: string) => mac(key, payload, lengths, texts).toString("base64url");
  return texts.length === 0 ? textHeader(graph, lengths, sign) : [textHeader(graph, lengths, sign), ...texts].join("\n");
}

export function toBytes(graph: unknown, attachments: readonly Uint8Array[], key: Key | undefined): Uint8Array {
  const lengths = attachments.map((attachment) => attachment.byteLength);
  const packed = packJson(graph);
  const hmac = key === undefined ? undefined : mac(key, packed, lengths, attachments).toString("base64url");
  // Numbers and base64url only: the header is ASCII, written without JSON.stringify (a third of a small blob's framing).
  const headerText =
    `{"format":"${FORMAT}","version":${BINARY_FORMAT_VERSION},"packedGraph":${packed.byteLength}` +
    (lengths.length > 0 ? `,"attachments":[${lengths.join(",")}]` : "") +
    (hmac === undefined ? "}" : `,"hmac":"${hmac}"}`);
  const headerLength = headerText.length;
  const sections = [packed, ...attachments];
  let total = align(HEADER_START + headerLength);
  for (const section of sections) total = align(total + section.byteLength);
  // Not zero-filled: every byte is written below, the padding explicitly.
  // Not pooled either: the caller owns the whole ArrayBuffer behind it.
  const out = Buffer.allocUnsafeSlow(total);
  out.set(MAGIC, 0);
  out.writeUInt32LE(headerLength, MAGIC.length);
  out.write(headerText, HEADER_START, "latin1");
  let offset = HEADER_START + headerLength;
  for (const section of sections) {
    out.fill(0, offset, align(offset));
    offset = align(offset);
    out.set(section, offset);
    offset += section.byteLength;
  }
  out.fill(0, offset, total);
  return out;
}

function keyList(keys: Key | readonly Key[] | undefined, caller: string): Key[] | undefined {
  if (keys === undefined) return undefined;
  const list = (Array.isArray(keys) ? [...(keys as readonly unknown[])] : [keys]).map((key) => checkedKey(key, caller));
  if (list.length === 0) throw new TypeError(`${caller}: give at least one key`);
  return list;
}

function isBinary(bytes: Uint8Array): boolean {
  if (bytes.length < MAGIC.length) return false;
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC[i]) return false;
  return true;
}

function parseHeader(text: string): Record<string, unknown> {
  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch (error) {
    throw new CorruptSnapshotError(`the snapshot is not valid JSON (${(error as Error).message}); was it truncated?`);
  }
  if (typeof envelope !== "object" || envelope === null || Array.isArray(envelope)) {
    throw new CorruptSnapshotError("the snapshot is not a resumable-generators envelope (expected a JSON object)");
  }
  const record = envelope as Record<string, unknown>;
  if (record["format"] !== FORMAT)
    throw new CorruptSnapshotError(`the snapshot's format is ${JSON.stringify(record["format"])}, not "${FORMAT}"`);
  if (!READABLE_VERSIONS.has(record["version"])) {
    throw new CorruptSnapshotError(
      `the snapshot has format version ${JSON.stringify(record["version"])}; this runtime reads versions ${READABLE_VERSION_LIST}`,
    );
  }
  return record;
}

function attachmentLengths(record: Record<string, unknown>): number[] {
  const lengths = record["attachments"];
  if (lengths === undefined) return [];
  if (record["version"] === 1) throw new CorruptSnapshotError("a version 1 snapshot has no attachments");
  if (!Array.isArray(lengths) || !lengths.every((length) => Number.isSafeInteger(length) && length >= 0)) {
    throw new CorruptSnapshotError("the snapshot's `attachments` must be a list of byte lengths");
  }
  return lengths as number[];
}

/** Splits a text blob into its header and its lines after it: the base64 attachments, and maybe a final newline. */
function splitText(blob: string): { headerText: string; contents: string[] } {
  const newline = blob.indexOf("\n");
  if (newline < 0) return { headerText: blob, contents: [] };
  return { headerText: blob.slice(0, newline), contents: blob.slice(newline + 1).split("\n") };
}

/**
 * The attachment lines, without what follows them: a blob saved with a final
 * newline (an editor, `echo`) is the same blob. Only lines past the header's
 * count go, since an empty attachment is an empty line of its own.
 */
function attachmentLines(lines: string[], count: number): string[] {
  let end = lines.length;
  while (end > count && lines[end - 1]!.trim() === "") end--;
  // Base64 holds no whitespace: a "\r" left by a CRLF conversion, or a trailing space, is not part of it.
  return lines.slice(0, end).map((line) => line.trimEnd());
}

/** The byte length of a version 3 blob's packed graph, from its header. */
function packedGraphLength(record: Record<string, unknown>): number {
  const length = record["packedGraph"];
  if (!Number.isSafeInteger(length) || (length as number) < 0) {
    throw new CorruptSnapshotError("the binary snapshot's `packedGraph` must be the byte length of its packed graph");
  }
  return length as number;
}

interface BinaryParts {
  record: Record<string, unknown>;
  lengths: number[];
  /** Views of the blob, copied by the decoder. */
  contents: Uint8Array[];
  /** Version 3: the graph as MessagePack, a view of the blob. */
  packedGraph: Uint8Array | undefined;
}

/**
 * Where the next part starts after one that ends at `end`: the padding up to
 * it is all there and all zero, as toBytes writes it. A signature covers the
 * parts, not their padding, so altered or missing padding is refused here.
 */
function paddedEnd(bytes: Uint8Array, end: number): number {
  const next = align(end);
  if (next > bytes.length) throw new CorruptSnapshotError("the binary snapshot ends inside its padding; was it truncated?");
  for (let i = end; i < next; i++) {
    if (bytes[i] !== 0) throw new CorruptSnapshotError(`the binary snapshot's padding at byte ${i} is not zero: it was altered`);
  }
  return next;
}

/** Splits a binary blob into its header, its packed graph (version 3) and its attachments. */
function splitBinary(bytes: Uint8Array): BinaryParts {
  if (bytes.length < HEADER_START) throw new CorruptSnapshotError("the binary snapshot is truncated inside its first 12 bytes");
  const view = bytesOf(bytes);
  const headerLength = view.readUInt32LE(MAGIC.length);
  if (HEADER_START + headerLength > bytes.length) {
    throw new CorruptSnapshotError(
      `the binary snapshot's header claims ${headerLength} bytes, more than the blob holds; was it truncated?`,
    );
  }
  // Invalid UTF-8 becomes U+FFFD, as a text blob read from a file would; a
  // signature, not the decoder, is what detects altered bytes.
  const headerText = view.toString("utf8", HEADER_START, HEADER_START + headerLength);
  const record = parseHeader(headerText);
  const lengths = attachmentLengths(record);
  const packed = record["version"] === BINARY_FORMAT_VERSION;
  const sectionLengths = packed ? [packedGraphLength(record), ...lengths] : lengths;
  const sections: Uint8Array[] = [];
  let offset = paddedEnd(bytes, HEADER_START + headerLength);
  for (const [i, length] of sectionLengths.entries()) {
    if (offset + length > bytes.length) {
      const what = packed && i === 0 ? "its packed graph" : `attachment ${packed ? i - 1 : i}`;
      throw new CorruptSnapshotError(`the binary snapshot ends inside ${what} (${length} bytes); was it truncated?`);
    }
    sections.push(bytes.subarray(offset, offset + length));
    offset = paddedEnd(bytes, offset + length);
  }
  if (offset < bytes.length)
    throw new CorruptSnapshotError(`the binary snapshot has ${bytes.length - offset} bytes after its last attachment`);
  return packed
    ? { record, lengths, contents: sections.slice(1), packedGraph: sections[0] }
    : { record, lengths, contents: sections, packedGraph: undefined };
}

/**
 * Parses the envelope of a text or binary blob (checking the signature when
 * keys are given) and returns the graph, still untrusted, with the
 * attachments it refers to.
 */
export function unwrap(blob: unknown, maxBytes: number, keys: Key | readonly Key[] | undefined, caller = "restore()"): Unwrapped {
  if (typeof blob !== "string" && !(blob instanceof Uint8Array)) {
    throw new CorruptSnapshotError(`a snapshot is a string or a Uint8Array; got ${blob === null ? "null" : typeof blob}`);
  }
  if (blob.length > maxBytes) {
    const unit = typeof blob === "string" ? "characters" : "bytes";
    throw new CorruptSnapshotError(
      `the snapshot is ${blob.length} ${unit}, over the limit of ${maxBytes}; raise RestoreOptions.maxBytes if it is legitimate`,
    );
  }
  const accepted = keyList(keys, caller);
  let record: Record<string, unknown>;
  let lengths: number[];
  let contents: Attachment[];
  let packedGraph: Uint8Array | undefined;
  if (typeof blob === "string" || !isBinary(blob)) {
    // Text, possibly as bytes read from a file.
    let text: string;
    if (typeof blob === "string") text = blob;
    else {
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(blob);
      } catch {
        throw new CorruptSnapshotError("the snapshot is neither a binary snapshot nor UTF-8 text");
      }
    }
    const parts = splitText(text);
    record = parseHeader(parts.headerText);
    if (record["version"] === BINARY_FORMAT_VERSION) {
      throw new CorruptSnapshotError(
        `format version ${BINARY_FORMAT_VERSION} is binary only, but this snapshot is text; was it converted?`,
      );
    }
    lengths = attachmentLengths(record);
    const lines = attachmentLines(parts.contents, lengths.length);
    contents = lines;
    if (contents.length !== lengths.length) {
      throw new CorruptSnapshotError(
        `the snapshot's header lists ${lengths.length} attachment(s) but ${contents.length} follow it; was it truncated?`,
      );
    }
    for (const [i, content] of lines.entries()) {
      if (content.length !== Math.ceil(lengths[i]! / 3) * 4) {
        throw new CorruptSnapshotError(`the snapshot's attachment ${i} is not the base64 text of ${lengths[i]} bytes`);
      }
    }
  } else {
    ({ record, lengths, contents, packedGraph } = splitBinary(blob));
  }
  // Version 3 signs the packed graph; version 2 carries the graph's text as `payload` to sign it.
  const signed = packedGraph !== undefined ? record["hmac"] !== undefined : typeof record["payload"] === "string";
  if (accepted) {
    if (!signed) throw new SignatureError("the snapshot is not signed, but restore() was given a key; refusing it");
    const given = record["hmac"];
    if (typeof given !== "string") throw new SignatureError("the snapshot's signature is missing");
    // Compared as the text we write: base64url has other spellings of the same bytes
    // (the last character's unused bits, "=" padding), and an altered blob is refused.
    // UTF-8, not latin1: latin1 keeps only the low byte of each character, which is another spelling again.
    const givenText = Buffer.from(given, "utf8");
    const payload = packedGraph ?? (record["payload"] as string);
    const valid = accepted.some((key) => {
      // Version 1 signed the graph's text alone (it had no attachments).
      const expected = Buffer.from(
        (record["version"] === 1
          ? nodeCrypto()
              .createHmac("sha256", key)
              .update(payload as string, "utf8")
              .digest()
          : mac(key, payload, lengths, contents)
        ).toString("base64url"),
        "utf8",
      );
      return givenText.length === expected.length && nodeCrypto().timingSafeEqual(givenText, expected);
    });
    if (!valid)
      throw new SignatureError("the snapshot's signature does not match any of the given keys: it was altered, or signed with another key");
  }
  const size = blob.length;
  if (packedGraph !== undefined) return { graph: unpackJson(packedGraph), attachments: contents, signed, size };
  if (signed) {
    try {
      return { graph: JSON.parse(record["payload"] as string), attachments: contents, signed, size };
    } catch (error) {
      throw new CorruptSnapshotError(`the snapshot's payload is not valid JSON (${(error as Error).message})`);
    }
  }
  if (!("graph" in record)) throw new CorruptSnapshotError("the snapshot has no graph");
  return { graph: record["graph"], attachments: contents, signed, size };
}
