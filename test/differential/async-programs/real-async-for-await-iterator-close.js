// for await over hand-written async iterators: a return() that rejects, an
// iterator without return(), a return() that resolves a non-object, and a
// throw inside the loop body (the original error wins over return()'s).
export const log = [];

function source(name, n, mode) {
  let i = 0;
  const it = {
    [Symbol.asyncIterator]() {
      return it;
    },
    next() {
      return Promise.resolve(i < n ? { value: `${name}${i++}`, done: false } : { done: true });
    },
  };
  if (mode === "rejects")
    it.return = () => {
      log.push(`${name} return called`);
      return Promise.reject(new Error(`${name} return rejected`));
    };
  if (mode === "primitive")
    it.return = () => {
      log.push(`${name} return called`);
      return Promise.resolve(7);
    };
  return it;
}

/* @resumable */
export async function* main() {
  try {
    for await (const v of source("a", 3, "rejects")) {
      yield v;
      if (v === "a1") break;
    }
  } catch (e) {
    yield `caught ${e.message}`;
  }
  for await (const v of source("b", 3, "none")) {
    yield v;
    if (v === "b0") break;
  }
  try {
    for await (const v of source("c", 3, "primitive")) {
      yield v;
      break;
    }
  } catch (e) {
    yield `caught ${e.constructor.name}`;
  }
  try {
    for await (const v of source("d", 3, "rejects")) {
      yield v;
      throw new Error("body error");
    }
  } catch (e) {
    yield `caught ${e.message}`;
  }
  return "end";
}

export const create = () => main();
export const snapshotRefusal = "allowed"; // the sources are closure-based iterators held across yields
