// The driver's return() (or throw()) while suspended inside for-of over a custom iterable closes the iterator.
export const log = [];

function makeIterable() {
  return {
    [Symbol.iterator]() {
      let i = 0;
      return {
        next() {
          return i < 4 ? { value: i++, done: false } : { done: true };
        },
        return(arg) {
          log.push(["iterator return", arg]);
          return { done: true };
        },
      };
    },
  };
}

/* @resumable */
export function* main() {
  try {
    for (const v of makeIterable()) {
      yield v;
    }
  } finally {
    log.push("main finally");
  }
  return "end";
}

export const create = () => main();
export const snapshotRefusal = true;
