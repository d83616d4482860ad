// An exception leaving for-of calls the iterator's return(); the original exception wins even when return() throws.
export const log = [];

function makeIterable(name, returnThrows) {
  return {
    [Symbol.iterator]() {
      let i = 0;
      return {
        next() {
          return { value: i++, done: false };
        },
        return() {
          log.push(`${name}: return called`);
          if (returnThrows) throw new Error(`${name}: return threw`);
          return {};
        },
      };
    },
  };
}

/* @resumable */
export function* main() {
  try {
    for (const v of makeIterable("plain", false)) {
      yield v;
      if (v === 1) throw new Error("boom in body");
    }
  } catch (e) {
    log.push(["caught", e.message]);
  }
  try {
    for (const v of makeIterable("throwing", true)) {
      yield v;
      if (v === 1) throw new Error("boom wins");
    }
  } catch (e) {
    log.push(["caught", e.message]);
  }
  try {
    for (const v of makeIterable("break", true)) {
      yield v;
      if (v === 1) break;
    }
  } catch (e) {
    log.push(["caught from return", e.message]);
  }
  return "end";
}

export const create = () => main();
export const snapshotRefusal = true;
