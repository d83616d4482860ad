// return() forwarded to a delegate without return(): the outer generator just returns; throw() goes to throw().
export const log = [];

function makeIterator() {
  let i = 0;
  return {
    [Symbol.iterator]() {
      return this;
    },
    next(arg) {
      log.push(["next", arg]);
      return { value: i, done: i++ >= 3 };
    },
    throw(error) {
      log.push(["throw", error instanceof Error ? error.message : error]);
      return { value: "recovered", done: false };
    },
  };
}

/* @resumable */
export function* main() {
  try {
    const result = yield* makeIterator();
    log.push(["result", result]);
    yield "after delegation";
  } finally {
    log.push("main finally");
  }
  return "end";
}

export const create = () => main();
export const snapshotRefusal = [1, 2, 3]; // inside the custom delegate; not at "after delegation"
