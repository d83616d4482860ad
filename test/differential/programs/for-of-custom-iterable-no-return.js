// Breaking out of a custom iterator that has no return() is fine; a labeled continue of an outer loop too.
export const log = [];

function makeIterator(limit) {
  let i = 0;
  return {
    [Symbol.iterator]() {
      return this;
    },
    next() {
      log.push(["next", i]);
      return { value: i, done: i++ >= limit };
    },
  };
}

/* @resumable */
export function* main() {
  outer: for (let round = 0; round < 2; round++) {
    for (const v of makeIterator(4)) {
      yield [round, v];
      if (v === 1) continue outer;
    }
  }
  for (const v of makeIterator(3)) {
    if (v === 2) break;
    yield v;
  }
  return "end";
}

export const create = () => main();
export const snapshotRefusal = true;
