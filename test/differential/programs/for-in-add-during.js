// Keys added during a for-in are not visited (V8's behaviour, which a compiled loop must match).
export const log = [];

/* @resumable */
export function* main() {
  const object = { x: 1, y: 2 };
  let n = 0;
  for (const key in object) {
    object[`added${n++}`] = n;
    yield key;
  }
  log.push(Object.keys(object));
  return n;
}

export const create = () => main();
