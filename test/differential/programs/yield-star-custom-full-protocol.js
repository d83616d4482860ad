// A delegate with next/throw/return sees exactly what the driver sends; result objects pass through as is.
export const log = [];

function makeIterator() {
  let i = 0;
  return {
    [Symbol.iterator]() {
      return this;
    },
    next(...args) {
      log.push(["next", args.length, args[0]]);
      i++;
      return { value: i, done: i > 4, extra: `pass-through ${i}` };
    },
    throw(error) {
      log.push(["throw", error instanceof Error ? error.message : error]);
      return { value: "thrown in", done: false };
    },
    return(value) {
      log.push(["return", value]);
      return { value: `closing with ${value}`, done: true };
    },
  };
}

/* @resumable */
export function* main() {
  const result = yield* makeIterator();
  log.push(["delegate result", result]);
  return result;
}

export const create = () => main();
export const snapshotRefusal = true;
