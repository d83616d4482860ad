// Member access, indexing and method calls on sent values.
export const log = [];

/* @resumable */
export function* main() {
  const a = (yield "object").deep.value;
  const b = (yield "array")[1];
  const c = (yield "string").toUpperCase();
  const d = (yield "length of").length;
  let e;
  try {
    e = (yield "null member").x;
  } catch (error) {
    e = error.constructor.name;
  }
  log.push([a, b, c, d, e]);
  return [a, b, c, d, e];
}

export const create = () => main();
export const sends = [undefined, { deep: { value: "v" } }, ["x", "y"], "shout", [1, 2, 3], null];
