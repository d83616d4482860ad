// After a throw from the loop body, the iterator's return() is called and
// awaited, and its own failure is ignored: the body's exception wins.
export const log = [];

const source = {
  [Symbol.asyncIterator]() {
    let i = 0;
    return {
      next: () => Promise.resolve({ value: i++, done: i > 4 }),
      return: () => {
        log.push("return called");
        return Promise.reject(new Error("return failed"));
      },
    };
  },
};

/* @resumable */
export async function* main() {
  try {
    for await (const v of source) {
      yield v;
      if (v === 2) throw new Error("body failed");
    }
  } catch (e) {
    log.push(`caught ${e.message}`);
  }
  return "end";
}

export const create = () => main();
export const snapshotRefusal = true; // the loop holds an iterator made of closures
