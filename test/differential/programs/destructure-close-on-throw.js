// When a default in an array pattern throws, the iterator is closed (return() called) and the error propagates.
export const log = [];

function customIterable() {
  let i = 0;
  return {
    [Symbol.iterator]() {
      return this;
    },
    next() {
      i++;
      return { value: undefined, done: false };
    },
    return() {
      log.push(["closed after", i]);
      return {};
    },
  };
}

function fail() {
  throw new Error("default failed");
}

/* @resumable */
export function* main() {
  try {
    const [a, b = fail()] = customIterable();
    log.push("unreachable", a, b);
  } catch (e) {
    log.push(["caught", e.message]);
  }
  yield "after first";
  try {
    let x;
    [x = fail()] = customIterable();
  } catch (e) {
    log.push(["caught again", e.message]);
  }
  return "end";
}

export const create = () => main();
