// Map, Set and Date locals (with object keys) keep their contents and identities across yields.
export const log = [];

/* @resumable */
export function* main() {
  const keyObject = { id: 1 };
  const map = new Map([[keyObject, "object key"], ["s", "string key"], [1, "number key"]]);
  const set = new Set([keyObject, "x"]);
  const date = new Date(Date.UTC(2020, 1, 29, 12, 0, 0));
  yield "built";
  map.set("added", yield "value to add");
  date.setUTCDate(date.getUTCDate() + 1);
  yield [map.get(keyObject), set.has(keyObject), map.size, date.toISOString()];
  log.push([...map.keys()].map((k) => typeof k));
  return set.size;
}

export const create = () => main();
