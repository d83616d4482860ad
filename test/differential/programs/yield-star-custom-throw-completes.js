// A delegate whose throw() returns done: true ends the yield* normally, with that value.
export const log = [];

function makeIterator() {
  let calls = 0;
  return {
    [Symbol.iterator]() {
      return this;
    },
    next() {
      calls++;
      return calls <= 2 ? { value: `waiting ${calls}`, done: false } : { value: "exhausted", done: true };
    },
    throw(error) {
      log.push("delegate absorbed the error");
      return { value: "absorbed", done: true };
    },
  };
}

/* @resumable */
export function* main() {
  let result;
  for (let i = 0; i < 3; i++) {
    const x = yield* makeIterator();
    result = x;
    log.push(["yield* ended with", x]);
    if (i === 2) break;
  }
  return result;
}

export const create = () => main();
export const sends = [undefined, 1, 2];
export const snapshotRefusal = true;
