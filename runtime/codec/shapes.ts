/**
 * Shapes: the key lists of plain objects that share them, written once per
 * graph instead of once per object. A graph of 10,000 `{ id, group, score }`
 * records spends most of its text on those three keys; as
 * `[shape, id, group, score]` it is 40% shorter, and JSON.stringify and
 * JSON.parse take time in proportion to the text. An object whose keys no
 * other object repeats stays keyed, and so do all objects of a graph with
 * few of them: there a shape would only add work.
 *
 * The encoder writes plain objects keyed (["Object", key, slot, …]) so that
 * error paths can name keys while it runs, then compacts them here once
 * nothing can fail any more.
 */
import { Tag } from "./tags.js";
import { keepHiddenClassAlive } from "../keep-hidden-class.js";

const MIN_PLAIN_OBJECTS = 16;

/**
 * A trie of key lists: objects with the same keys in the same order reach
 * the same node. Walking it costs a lookup per key and allocates nothing once
 * the lists are known (a joined string per object, hashed, was slower).
 */
class ShapeNode {
  /** How many objects have exactly this node's key list. */
  count = 0;
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

keepHiddenClassAlive(new ShapeNode());

/**
 * Rewrites, in place, every ["Object", k1, v1, k2, v2, …] entry whose key
 * list another entry repeats as [shape, v1, v2, …], and returns the shapes'
 * key lists (indexed by shape).
 */
export function compactPlainObjects(values: unknown[]): string[][] {
  // A few objects can share keys, but spelling them once saves a few dozen
  // characters at most, less than finding the shared lists costs.
  let plainObjects = 0;
  for (const entry of values) if ((entry as unknown[])[0] === Tag.Object) plainObjects++;
  if (plainObjects < MIN_PLAIN_OBJECTS) return [];
  const root = new ShapeNode();
  const nodeOf: Array<ShapeNode | undefined> = new Array(values.length);
  for (let index = 0; index < values.length; index++) {
    const entry = values[index] as unknown[];
    if (entry[0] !== Tag.Object) continue;
    let node = root;
    for (let position = 1; position < entry.length; position += 2) node = node.child(entry[position] as string);
    node.count++;
    nodeOf[index] = node;
  }
  const shapes: string[][] = [];
  for (let index = 0; index < values.length; index++) {
    const node = nodeOf[index];
    if (node === undefined || node.count < 2) continue;
    const entry = values[index] as unknown[];
    const count = (entry.length - 1) / 2;
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
