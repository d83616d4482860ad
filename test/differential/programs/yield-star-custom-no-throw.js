// throw() forwarded to a delegate iterator without throw(): yield* calls its return(), then throws a TypeError.
export const log = [];

function makeIterator() {
  let i = 0;
  return {
    [Symbol.iterator]() {
      return this;
    },
    next(arg) {
      log.push(["next", arg]);
      i++;
      return i <= 3 ? { value: `item ${i}`, done: false } : { value: "iterator result", done: true };
    },
    return(arg) {
      log.push(["return", arg]);
      return { value: "returned", done: true };
    },
  };
}

/* @resumable */
export function* main() {
  try {
    const result = yield* makeIterator();
    log.push(["yield* result", result]);
  } catch (e) {
    log.push(["caught", e.constructor.name]);
    yield "after catch";
  }
  return "end";
}

export const create = () => main();
export const snapshotRefusal = true;
