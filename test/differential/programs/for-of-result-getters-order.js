// for-of reads done before value (and value only when not done); yield* passes results through unread.
export const log = [];

function tracedIterable(limit) {
  return {
    [Symbol.iterator]() {
      let i = 0;
      return {
        next() {
          const n = i++;
          return {
            get done() {
              log.push(["get done", n]);
              return n >= limit;
            },
            get value() {
              log.push(["get value", n]);
              return n * 10;
            },
          };
        },
      };
    },
  };
}

/* @resumable */
export function* main() {
  const seen = [];
  for (const v of tracedIterable(2)) {
    seen.push(v);
    yield v;
  }
  const result = yield* tracedIterable(2);
  log.push(["yield* result", result]);
  return seen;
}

export const create = () => main();
export const snapshotRefusal = true;
