/**
 * The outside of a blob: format name and version around the value graph,
 * the bytes of its ArrayBuffers kept out of the JSON as attachments, and
 * optionally an HMAC-SHA256 checked before anything inside is decoded.
 *
 * Text (a string):
 *   {"format":"resumable-generators","version":2,"graph":{…},"attachments":[byteLength, …]}
 *   \n<attachment 0 as base64>
 *   \n<attachment 1 as base64> …
 * Binary (bytes, what checkpoints write):
 *   MAGIC (8 bytes) · header length (uint32 LE) · the same header as UTF-8 JSON
 *   · each attachment's raw bytes, every part starting at a multiple of 8
 * Signed, the header holds the graph as text and the signature instead of the graph:
 *   {"format":"resumable-generators","version":2,"payload":"{…graph…}","attachments":[…],"hmac":"<base64url>"}
 *
 * Why attachments: a typed array of a million doubles is 10.7 MB of base64.
 * Inside the JSON, JSON.stringify and JSON.parse scan every character of it
 * (24 ms for that array, 30× node:v8's whole round trip); on lines of their
 * own the text form only runs Node's base64 routines, and the binary form
 * copies the bytes once each way (node:v8 copies once: its deserialized
 * arrays share memory with the serialized bytes, which restore must not).
 *
 * Version 1 blobs (no attachments; buffers as base64 strings inside the
 * graph) are still read.
 */
import { createHmac, timingSafeEqual, type Hmac } from "node:crypto";
import { CorruptSnapshotError, SignatureError } from "./errors.js";

export const FORMAT = "resumable-generators";
export const FORMAT_VERSION = 2;
const READABLE_VERSIONS: ReadonlySet<unknown> = new Set([1, 2]);

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
function mac(key: Key, payload: string, lengths: readonly number[], contents: readonly (string | Uint8Array)[]): Buffer {
  const hmac: Hmac = createHmac("sha256", key).update(payload, "utf8").update("\n").update(JSON.stringify(lengths));
  for (const content of contents) hmac.update("\n").update(content);
  return hmac.digest();
}

function header(graph: unknown, lengths: number[], signedWith: ((payload: string) => string) | undefined): string {
  const attachments = lengths.length > 0 ? lengths : undefined;
  if (signedWith === undefined) return JSON.stringify({ format: FORMAT, version: FORMAT_VERSION, graph, attachments });
  const payload = JSON.stringify(graph);
  return JSON.stringify({ format: FORMAT, version: FORMAT_VERSION, payload, attachments, hmac: signedWith(payload) });
}

export function toText(graph: unknown, attachments: readonly Uint8Array[], key: Key | undefined): string {
  const lengths = attachments.map((attachment) => attachment.byteLength);
  const texts = attachments.map((attachment) => bytesOf(attachment).toString("base64"));
  const sign = key === undefined ? undefined : (payload: string) => mac(key, payload, lengths, texts).toString("base64url");
  return texts.length === 0 ? header(graph, lengths, sign) : [header(graph, lengths, sign), ...texts].join("\n");
}

export function toBytes(graph: unknown, attachments: readonly Uint8Array[], key: Key | undefined): Uint8Array {
  const lengths = attachments.map((attachment) => attachment.byteLength);
  const sign = key === undefined ? undefined : (payload: string) => mac(key, payload, lengths, attachments).toString("base64url");
  const headerText = header(graph, lengths, sign);
  const headerLength = Buffer.byteLength(headerText, "utf8");
  let total = align(HEADER_START + headerLength);
  for (const length of lengths) total = align(total + length);
  // Not zero-filled: every byte is written below, the padding explicitly.
  // Not pooled either: the caller owns the whole ArrayBuffer behind it.
  const out = Buffer.allocUnsafeSlow(total);
  out.set(MAGIC, 0);
  out.writeUInt32LE(headerLength, MAGIC.length);
  out.write(headerText, HEADER_START, "utf8");
  let offset = HEADER_START + headerLength;
  for (const attachment of attachments) {
    out.fill(0, offset, align(offset));
    offset = align(offset);
    out.set(attachment, offset);
    offset += attachment.byteLength;
  }
  out.fill(0, offset, total);
  return out;
}

function keyList(keys: Key | readonly Key[] | undefined): Key[] | undefined {
  if (keys === undefined) return undefined;
  const list = Array.isArray(keys) ? [...(keys as readonly Key[])] : [keys as Key];
  for (const key of list) {
    if (typeof key !== "string" && !(key instanceof Uint8Array)) throw new TypeError("restore(): a key must be a string or a Uint8Array");
    if (key.length === 0) throw new TypeError("restore(): a key must not be empty");
  }
  if (list.length === 0) throw new TypeError("restore(): give at least one key");
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
      `the snapshot has format version ${JSON.stringify(record["version"])}; this runtime reads versions ${[...READABLE_VERSIONS].join(" and ")}`,
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

/** Splits a text blob into its header and its base64 attachments. */
function splitText(blob: string): { headerText: string; contents: string[] } {
  // A blob saved with a final newline (an editor, `echo`) is the same blob.
  const text = blob.trimEnd();
  const newline = text.indexOf("\n");
  if (newline < 0) return { headerText: text, contents: [] };
  return { headerText: text.slice(0, newline), contents: text.slice(newline + 1).split("\n") };
}

/** Splits a binary blob into its header and its attachments (views of the blob, copied by the decoder). */
function splitBinary(bytes: Uint8Array): { contents: Uint8Array[]; lengths: number[]; record: Record<string, unknown> } {
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
  const contents: Uint8Array[] = [];
  let offset = align(HEADER_START + headerLength);
  for (const [i, length] of lengths.entries()) {
    if (offset + length > bytes.length) {
      throw new CorruptSnapshotError(`the binary snapshot ends inside attachment ${i} (${length} bytes); was it truncated?`);
    }
    contents.push(bytes.subarray(offset, offset + length));
    offset = align(offset + length);
  }
  if (offset < bytes.length)
    throw new CorruptSnapshotError(`the binary snapshot has ${bytes.length - offset} bytes after its last attachment`);
  return { contents, lengths, record };
}

/**
 * Parses the envelope of a text or binary blob (checking the signature when
 * keys are given) and returns the graph, still untrusted, with the
 * attachments it refers to.
 */
export function unwrap(blob: unknown, maxBytes: number, keys: Key | readonly Key[] | undefined): Unwrapped {
  if (typeof blob !== "string" && !(blob instanceof Uint8Array)) {
    throw new CorruptSnapshotError(`a snapshot is a string or a Uint8Array; got ${blob === null ? "null" : typeof blob}`);
  }
  if (blob.length > maxBytes) {
    const unit = typeof blob === "string" ? "characters" : "bytes";
    throw new CorruptSnapshotError(
      `the snapshot is ${blob.length} ${unit}, over the limit of ${maxBytes}; raise RestoreOptions.maxBytes if it is legitimate`,
    );
  }
  const accepted = keyList(keys);
  let record: Record<string, unknown>;
  let lengths: number[];
  let contents: Attachment[];
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
    lengths = attachmentLengths(record);
    contents = parts.contents;
    if (contents.length !== lengths.length) {
      throw new CorruptSnapshotError(
        `the snapshot's header lists ${lengths.length} attachment(s) but ${contents.length} follow it; was it truncated?`,
      );
    }
    for (const [i, content] of parts.contents.entries()) {
      if (content.length !== Math.ceil(lengths[i]! / 3) * 4) {
        throw new CorruptSnapshotError(`the snapshot's attachment ${i} is not the base64 text of ${lengths[i]} bytes`);
      }
    }
  } else {
    ({ record, lengths, contents } = splitBinary(blob));
  }
  const signed = typeof record["payload"] === "string";
  if (accepted) {
    if (!signed) throw new SignatureError("the snapshot is not signed, but restore() was given a key; refusing it");
    const given = record["hmac"];
    if (typeof given !== "string") throw new SignatureError("the snapshot's signature is missing");
    const givenBytes = Buffer.from(given, "base64url");
    const payload = record["payload"] as string;
    const valid = accepted.some((key) => {
      // Version 1 signed the graph's text alone (it had no attachments).
      const expected =
        record["version"] === 1 ? createHmac("sha256", key).update(payload, "utf8").digest() : mac(key, payload, lengths, contents);
      return givenBytes.length === expected.length && timingSafeEqual(givenBytes, expected);
    });
    if (!valid)
      throw new SignatureError("the snapshot's signature does not match any of the given keys: it was altered, or signed with another key");
  }
  const size = blob.length;
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
