/**
 * A function's code version: a hash of its syntax tree with positions,
 * comments and formatting left out, so reformatting a file or editing a
 * comment keeps old snapshots valid while any change to code refuses them.
 */
import { createHash } from "node:crypto";
import type { types as t } from "@babel/core";

/** Keys that describe where or how the code was written, not what it does. */
const IGNORED_KEYS = new Set([
  "start",
  "end",
  "loc",
  "range",
  "leadingComments",
  "trailingComments",
  "innerComments",
  "extra",
  "comments",
  "tokens",
]);

/**
 * The keys of a node (or of a plain object inside one) that take part in its
 * version, sorted. Nodes of one type mostly share one key list, so the sorted
 * list is kept per type and key list: sorting anew for every node was most of
 * the walk's time.
 */
const sortedKeysByType = new Map<unknown, Array<{ keys: string[]; sorted: string[] }>>();

function versionedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  let known = sortedKeysByType.get(record["type"]);
  if (!known) sortedKeysByType.set(record["type"], (known = []));
  search: for (const entry of known) {
    if (entry.keys.length !== keys.length) continue;
    for (let i = 0; i < keys.length; i++) if (entry.keys[i] !== keys[i]) continue search;
    return entry.sorted;
  }
  const sorted = keys.filter((key) => !IGNORED_KEYS.has(key)).sort();
  known.push({ keys, sorted });
  return sorted;
}

/** What the version leaves out as if it were not there. */
const isAbsent = (value: unknown) => value === undefined || value === null || value === false;

export function codeVersion(node: t.Node): string {
  // The text is hashed once at the end: one update per value would cost
  // more than the walk itself (the digest is the same).
  const text: string[] = [];
  // Iterative, so a deeply nested body cannot overflow the stack.
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const value = stack.pop();
    if (isAbsent(value)) {
      text.push("~");
    } else if (Array.isArray(value)) {
      text.push(`[${value.length}`);
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
    } else if (typeof value === "object") {
      // "{" and the keys present, comma-separated; then their values, in that order.
      const record = value as Record<string, unknown>;
      const keys = versionedKeys(record);
      let header = "{";
      for (const key of keys) if (!isAbsent(record[key])) header += header.length === 1 ? key : `,${key}`;
      text.push(header);
      for (let i = keys.length - 1; i >= 0; i--) {
        const child = record[keys[i]!];
        if (!isAbsent(child)) stack.push(child);
      }
    } else {
      // Leaf values are hashed by their text alone: Babel 7 and 8 disagree
      // on some representations (a BigInt literal's value is a string in
      // one and a bigint in the other), and the node type beside it already
      // tells a string "1" from a number 1.
      text.push(`${String(value)};`);
    }
  }
  return createHash("sha256").update(text.join("")).digest("hex").slice(0, 16);
}
