// When the iterator's next() throws, for-of does not call return().
export const log = [];

function makeIterable() {
  return {
    [Symbol.iterator]() {
      let i = 0;
      return {
        next() {
          if (i === 2) throw new Error("next failed");
          return { value: i++, done: false };
        },
        return() {
          log.push("return must not be called");
          return {};
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
  } catch (e) {
    log.push(["caught", e.message]);
  }
  return "end";
}

export const create = () => main();
export const snapshotRefusal = true;
