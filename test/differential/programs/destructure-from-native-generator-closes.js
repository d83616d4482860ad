// Destructuring from a native generator and from a custom iterator closes them the same way.
export const log = [];

function* nativeNumbers() {
  try {
    yield 1;
    yield 2;
    yield 3;
  } finally {
    log.push("native finally");
  }
}

function customIterable(limit) {
  let i = 0;
  return {
    [Symbol.iterator]() {
      return this;
    },
    next() {
      return i < limit ? { value: i++, done: false } : { done: true };
    },
    return() {
      log.push(["custom return at", i]);
      return {};
    },
  };
}

/* @resumable */
export function* main() {
  const [a] = nativeNumbers();
  yield a;
  const [p, q] = customIterable(5);
  yield [p, q];
  const [all, ...rest] = customIterable(2);
  yield [all, rest];
  const [m, n, o] = customIterable(1);
  return [m, n, o];
}

export const create = () => main();
