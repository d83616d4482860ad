// A next() that rejects, or returns a non-object, ends the loop without
// calling return(); a return() that rejects after a break throws at the loop.
export const log = [];

function failing(mode) {
  let i = 0;
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next() {
      i++;
      if (i === 3) {
        if (mode === "reject") return Promise.reject(new Error("next rejected"));
        if (mode === "primitive") return Promise.resolve(42);
        if (mode === "throw") throw new Error("next threw");
      }
      return Promise.resolve({ value: i, done: false });
    },
    return() {
      log.push(`return called (${mode})`);
      if (mode === "bad-return") return Promise.reject(new Error("return rejected"));
      if (mode === "primitive-return") return Promise.resolve(7);
      return Promise.resolve({ done: true });
    },
  };
}

/* @resumable */
export async function* main() {
  for (const mode of ["reject", "primitive", "throw", "bad-return", "primitive-return"]) {
    try {
      for await (const v of failing(mode)) {
        log.push(`${mode} ${v}`);
        if (v === 2 && mode.endsWith("return")) break;
      }
    } catch (e) {
      log.push(`${mode}: ${e.constructor.name} ${e.constructor === Error ? e.message : ""}`);
    }
    yield mode;
  }
}

export const create = () => main();
