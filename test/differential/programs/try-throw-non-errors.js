// Throwing and catching non-Error values: numbers, strings, objects, undefined, null.
export const log = [];

/* @resumable */
export function* main() {
  const values = [42, "text", { kind: "object" }, undefined, null];
  for (const value of values) {
    try {
      yield value;
      throw value;
    } catch (caught) {
      log.push(["caught", caught === value, typeof caught]);
    }
  }
  return "end";
}

export const create = () => main();
