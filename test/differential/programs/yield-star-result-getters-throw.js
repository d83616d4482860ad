// A yield* delegate's result whose `done` or (once done) `value` getter
// throws: the exception is thrown at the yield*, where the body's catch takes
// it, on the first step or a later one.
export const log = [];
// A custom iterator being delegated to cannot be saved.
export const snapshotRefusal = "allowed";

function results(failAt, failWith) {
  let step = 0;
  return {
    [Symbol.iterator]() {
      return this;
    },
    next(sent) {
      log.push(`next(${sent}) #${step}`);
      if (step++ < failAt) return { value: `item ${step}`, done: false };
      if (failWith === "done")
        return {
          get done() {
            throw new Error(`done getter at step ${step}`);
          },
        };
      return {
        done: true,
        get value() {
          throw new Error(`value getter at step ${step}`);
        },
      };
    },
  };
}

/* @resumable */
export function* main() {
  for (const [failAt, failWith] of [
    [0, "done"],
    [2, "done"],
    [1, "value"],
  ]) {
    try {
      const result = yield* results(failAt, failWith);
      log.push(`result ${result}`);
    } catch (error) {
      yield `caught ${error.message}`;
    }
  }
  return "end";
}

export const create = () => main();
