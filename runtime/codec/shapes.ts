/**
 * Shapes: the key lists of plain objects, written once per graph instead of
 * once per object. A graph of 10,000 `{ id, group, score }` records spends
 * most of its text on those three keys; as `[shape, id, group, score]` it is
 * 40% shorter, and JSON.stringify and JSON.parse take time in proportion to
 * the text.
 *
 * The encoder writes plain objects keyed (["Object", key, slot, …]) so that
 * error paths can name keys while it runs, then compacts them here once
 * nothing can fail any more.
 */
import { Tag } from "./tags.js";

/** A trie of key sequences: objects with the same keys in the same order reach the same node. */
class ShapeNode {
  shape = -1;
  private children: Map<string, ShapeNode> | undefined;

  child(key: string): ShapeNode {
    this.children ??= new Map();
    let node = this.children.get(key);
    if (node === undefined) {
      node = new ShapeNode();
      this.children.set(key, node);
    }
    return node;
  }
}

/**
 * Rewrites, in place, every ["Object", k1, v1, k2, v2, …] entry as
 * [shape, v1, v2, …] and returns the shapes' key lists (indexed by shape).
 */
export function compactPlainObjects(values: unknown[]): string[][] {
  const shapes: string[][] = [];
  const root = new ShapeNode();
  for (const item of values) {
    const entry = item as unknown[];
    if (entry[0] !== Tag.Object) continue;
    const count = (entry.length - 1) / 2;
    let node = root;
    for (let i = 0; i < count; i++) node = node.child(entry[1 + 2 * i] as string);
    if (node.shape === -1) {
      node.shape = shapes.length;
      const keys: string[] = new Array(count);
      for (let i = 0; i < count; i++) keys[i] = entry[1 + 2 * i] as string;
      shapes.push(keys);
    }
    entry[0] = node.shape;
    for (let i = 0; i < count; i++) entry[1 + i] = entry[2 + 2 * i];
    entry.length = 1 + count;
  }
  return shapes;
}
