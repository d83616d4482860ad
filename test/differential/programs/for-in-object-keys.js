// for-in over an object: integer-like keys first, then strings in insertion order.
export const log = [];

/* @resumable */
export function* main() {
  const object = { b: 1, 2: "two", a: 2, 1: "one", "-1": "minus", z: 3 };
  const keys = [];
  for (const key in object) {
    keys.push(key);
    const sent = yield [key, object[key]];
    log.push([key, sent]);
  }
  return keys;
}

export const create = () => main();
