// Per-iteration bindings of a `for await` head, captured by closures that
// are called across an await (and dead at each yield).
export const log = [];

/* @resumable */
export async function* main() {
  const texts = [];
  const early = [];
  for await (const [k, v] of [
    ["a", 1],
    ["b", 2],
    ["c", 3],
  ]) {
    const read = () => `${k}=${v}`;
    early.push(read);
    await null;
    texts.push(read());
    if (k === "c") {
      log.push(early.map((fn) => fn()).join(" "));
      early.length = 0;
    }
    yield k;
  }
  let index = 0;
  for await (let n of [10, 20]) {
    n += index++;
    yield n;
  }
  return texts;
}

export const create = () => main();
// `early` holds the closures until the last round.
export const snapshotRefusal = [1, 2];
