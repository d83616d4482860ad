// Leaving a `for await` early closes the iterator and awaits its return():
// break, continue to an outer label, return, and a throw from the body.
export const log = [];

function source(name, count) {
  let i = 0;
  return {
    [Symbol.asyncIterator]() {
      log.push(`${name}: open`);
      return this;
    },
    next() {
      log.push(`${name}: next ${i}`);
      return Promise.resolve(i < count ? { value: i++, done: false } : { value: undefined, done: true });
    },
    return() {
      log.push(`${name}: return`);
      return Promise.resolve({ value: "closed", done: true }).then((r) => {
        log.push(`${name}: return settled`);
        return r;
      });
    },
  };
}

/* @resumable */
export async function* main() {
  for await (const v of source("a", 5)) {
    if (v === 2) break;
    log.push(`a ${v}`);
  }
  outer: for (let round = 0; round < 2; round++) {
    for await (const v of source(`b${round}`, 3)) {
      if (v === 1) continue outer;
      log.push(`b ${v}`);
    }
  }
  try {
    for await (const v of source("c", 3)) {
      if (v === 1) throw new Error("from body");
    }
  } catch (e) {
    log.push(`caught ${e.message}`);
  }
  yield "before return";
  for await (const v of source("d", 3)) {
    if (v === 1) return "returned from loop";
  }
}

export const create = () => main();
