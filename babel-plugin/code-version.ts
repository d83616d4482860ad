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

export function codeVersion(node: t.Node): string {
  // The text is hashed once at the end: one update per value would cost
  // more than the walk itself (the digest is the same).
  const text: string[] = [];
  // Iterative, so a deeply nested body cannot overflow the stack.
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || value === undefined || value === false) {
      text.push("~");
    } else if (Array.isArray(value)) {
      text.push(`[${value.length}`);
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
    } else if (typeof value === "object") {
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((key) => !IGNORED_KEYS.has(key) && record[key] !== undefined && record[key] !== null && record[key] !== false)
        .sort();
      text.push(`{${keys.join(",")}`);
      for (let i = keys.length - 1; i >= 0; i--) stack.push(record[keys[i]!]);
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
