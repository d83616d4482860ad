// A for…of or for…in head whose expression reads the loop's own binding
// (`for (const x of x)`) throws ReferenceError, also when the loop has a
// yield in it (and so is lowered into an explicit loop), and also from a
// closure the head made; a name the head binds itself shadows the loop's.
export const log = [];
const items = ["outer", "items"];
const keys = { a: 1 };

/* @resumable */
export function* main() {
  try {
    for (const items of items) yield items;
  } catch (e) {
    log.push(["for…of head", e.constructor.name, e.message]);
  }
  yield "after for…of";
  try {
    for (let keys in keys) yield keys;
  } catch (e) {
    log.push(["for…in head", e.constructor.name, e.message]);
  }
  try {
    for (const [items] of (log.push("head runs first"), typeof items)) yield items;
  } catch (e) {
    log.push(["destructuring head, typeof", e.constructor.name]);
  }
  const later = [];
  for (const item of (later.push(() => item), ["x", "y"])) yield item;
  try {
    later[0]();
  } catch (e) {
    log.push(["closure from the head", e.constructor.name]);
  }
  for (const item of ((item) => [item, item])("shadowed")) yield item;
  for (const outer of items) {
    for (const items of [outer, outer.length]) yield items;
  }
  return "done";
}

export const create = () => main();
// `later` holds the closure the head made: a function, not saveable.
export const snapshotRefusal = "allowed";
