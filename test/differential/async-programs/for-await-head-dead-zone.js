// `for await (const x of x)` reads the loop's own binding in its dead zone:
// ReferenceError, as natively, though the loop becomes an explicit one.
export const log = [];
const sources = [1, 2];

/* @resumable */
export async function* main() {
  try {
    for await (const sources of sources) yield sources;
  } catch (e) {
    log.push(["for await head", e.constructor.name, e.message]);
  }
  for await (const value of sources) yield value;
  return "done";
}

export const create = () => main();
