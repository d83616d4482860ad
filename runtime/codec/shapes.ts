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

const MIN_PLAIN_OBJECTS = 16;

/** The keys of a keyed entry, joined: equal lists give equal signatures (the converse is checked). */
function signatureOf(entry: unknown[]): string {
  let signature = "";
  for (let position = 1; position < entry.length; position += 2) signature += `${entry[position] as string}\u0000`;
  return signature;
}

function hasKeys(entry: unknown[], keys: readonly string[]): boolean {
  if (entry.length !== 1 + 2 * keys.length) return false;
  for (let i = 0; i < keys.length; i++) if (entry[1 + 2 * i] !== keys[i]) return false;
  return true;
}

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
  const signatures: Array<string | undefined> = new Array(values.length);
  const counts = new Map<string, number>();
  for (let index = 0; index < values.length; index++) {
    const entry = values[index] as unknown[];
    if (entry[0] !== Tag.Object) continue;
    const signature = signatureOf(entry);
    signatures[index] = signature;
    counts.set(signature, (counts.get(signature) ?? 0) + 1);
  }
  const shapes: string[][] = [];
  const shapeBySignature = new Map<string, number>();
  for (let index = 0; index < values.length; index++) {
    const signature = signatures[index];
    if (signature === undefined || counts.get(signature)! < 2) continue;
    const entry = values[index] as unknown[];
    const count = (entry.length - 1) / 2;
    let shape = shapeBySignature.get(signature);
    if (shape === undefined) {
      shape = shapes.length;
      const keys: string[] = new Array(count);
      for (let i = 0; i < count; i++) keys[i] = entry[1 + 2 * i] as string;
      shapes.push(keys);
      shapeBySignature.set(signature, shape);
    }
    // A key holding "\u0000" can make two different lists join alike: such an object stays keyed.
    if (!hasKeys(entry, shapes[shape]!)) continue;
    entry[0] = shape;
    for (let i = 0; i < count; i++) entry[1 + i] = entry[2 + 2 * i];
    entry.length = 1 + count;
  }
  return shapes;
}
