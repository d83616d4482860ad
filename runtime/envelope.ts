/**
 * The outside of a blob: format name and version around the value graph,
 * and optionally an HMAC-SHA256 over the graph's exact text, checked before
 * anything inside is decoded.
 *
 *   unsigned: {"format":"resumable-generators","version":1,"graph":{…}}
 *   signed:   {"format":"resumable-generators","version":1,"payload":"{…graph as text…}","hmac":"<base64url>"}
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { CorruptSnapshotError, SignatureError } from "./errors.js";

export const FORMAT = "resumable-generators";
export const FORMAT_VERSION = 1;

export type Key = string | Uint8Array;

function hmac(key: Key, text: string): Buffer {
  return createHmac("sha256", key).update(text, "utf8").digest();
}

export function wrap(graph: unknown, key: Key | undefined): string {
  if (key === undefined) return JSON.stringify({ format: FORMAT, version: FORMAT_VERSION, graph });
  const payload = JSON.stringify(graph);
  return JSON.stringify({ format: FORMAT, version: FORMAT_VERSION, payload, hmac: hmac(key, payload).toString("base64url") });
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

/** Parses the envelope (checking the signature when keys are given) and returns the graph, still untrusted. */
export function unwrap(blob: unknown, maxBytes: number, keys: Key | readonly Key[] | undefined): unknown {
  if (typeof blob !== "string") throw new CorruptSnapshotError(`a snapshot is a string; got ${blob === null ? "null" : typeof blob}`);
  if (blob.length > maxBytes) {
    throw new CorruptSnapshotError(
      `the snapshot is ${blob.length} characters, over the limit of ${maxBytes}; raise RestoreOptions.maxBytes if it is legitimate`,
    );
  }
  const accepted = keyList(keys);
  let envelope: unknown;
  try {
    envelope = JSON.parse(blob);
  } catch (error) {
    throw new CorruptSnapshotError(`the snapshot is not valid JSON (${(error as Error).message}); was it truncated?`);
  }
  if (typeof envelope !== "object" || envelope === null || Array.isArray(envelope)) {
    throw new CorruptSnapshotError("the snapshot is not a resumable-generators envelope (expected a JSON object)");
  }
  const record = envelope as Record<string, unknown>;
  if (record["format"] !== FORMAT)
    throw new CorruptSnapshotError(`the snapshot's format is ${JSON.stringify(record["format"])}, not "${FORMAT}"`);
  if (record["version"] !== FORMAT_VERSION) {
    throw new CorruptSnapshotError(
      `the snapshot has format version ${JSON.stringify(record["version"])}; this runtime reads version ${FORMAT_VERSION}`,
    );
  }
  const signed = typeof record["payload"] === "string";
  if (accepted) {
    if (!signed) throw new SignatureError("the snapshot is not signed, but restore() was given a key; refusing it");
    const mac = record["hmac"];
    if (typeof mac !== "string") throw new SignatureError("the snapshot's signature is missing");
    const given = Buffer.from(mac, "base64url");
    const payload = record["payload"] as string;
    const valid = accepted.some((key) => {
      const expected = hmac(key, payload);
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
    if (!valid)
      throw new SignatureError("the snapshot's signature does not match any of the given keys: it was altered, or signed with another key");
  }
  if (signed) {
    try {
      return JSON.parse(record["payload"] as string);
    } catch (error) {
      throw new CorruptSnapshotError(`the snapshot's payload is not valid JSON (${(error as Error).message})`);
    }
  }
  if (!("graph" in record)) throw new CorruptSnapshotError("the snapshot has no graph");
  return record["graph"];
}
