// A key deleted before the loop reaches it is skipped; a deleted-then-visited key is not revisited.
export const log = [];

/* @resumable */
export function* main() {
  const object = { a: 1, b: 2, c: 3, d: 4, e: 5 };
  for (const key in object) {
    yield key;
    if (key === "a") delete object.c;
    if (key === "b") delete object.a;
    log.push(["has", key, key in object]);
  }
  return Object.keys(object);
}

export const create = () => main();
