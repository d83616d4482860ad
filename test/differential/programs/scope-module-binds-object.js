// A module that binds its own `Object` (a schema builder, say): a compiled
// `yield*` and `for…of` check iterator results without calling it, so every
// value comes through, as natively.
export const log = [];

const Object = (shape) => ({ kind: "schema", shape });

/* @resumable */
function* letters() {
  yield "a";
  yield "b";
  yield "c";
}

/* @resumable */
export function* main() {
  const schema = Object({ name: "string" });
  yield* letters();
  for (const n of [1, 2]) yield n;
  return schema.kind;
}

export const create = () => main();
