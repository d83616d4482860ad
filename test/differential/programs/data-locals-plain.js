// Plain data in locals across yields: nested objects and arrays, null-prototype objects, key order.
export const log = [];

/* @resumable */
export function* main() {
  const record = { z: 1, a: { nested: [1, { deep: true }] }, 10: "ten", 2: "two", list: [] };
  const dict = Object.create(null);
  dict.key = "value";
  yield Object.keys(record);
  record.list.push(yield "push this");
  dict.other = yield "another";
  log.push([record, Object.getPrototypeOf(dict) === null, Object.keys(dict)]);
  return record;
}

export const create = () => main();
