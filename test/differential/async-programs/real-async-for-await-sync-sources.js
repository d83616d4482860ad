// for await over sync sources: arrays of promises, a Map, a Set, a string,
// a sync resumable generator, with an early break and a rejected element.
export const log = [];

/* @resumable */
export function* syncNums() {
  try {
    yield 1;
    yield Promise.resolve(2);
    yield 3;
  } finally {
    log.push("syncNums finally");
  }
}

// a thenable, not a promise: a rejected Promise in the array would be an
// unhandled rejection when the loop is left before reaching it
const badElement = {
  then(_res, rej) {
    rej(new Error("bad element"));
  },
};

/* @resumable */
export async function* main() {
  for await (const v of [Promise.resolve("p0"), "plain", Promise.resolve("p2")]) yield v;
  for await (const [k, v] of new Map([
    ["k1", 1],
    ["k2", 2],
  ]))
    yield `${k}=${v}`;
  for await (const s of new Set(["x", "y"])) yield s;
  for await (const ch of "hé") yield ch;
  for await (const n of syncNums()) {
    yield `n ${n}`;
    if (n === 2) break;
  }
  try {
    for await (const v of ["ok", badElement, "never"]) yield v;
  } catch (e) {
    yield `caught ${e.message}`;
  }
  return "end";
}

export const create = () => main();
export const snapshotRefusal = "allowed"; // the first loop iterates an array holding Promises
