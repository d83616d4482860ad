// `yield*` to hand-written async iterators: one without throw() (closed,
// then TypeError), one without return() (the return goes on, its value
// awaited), one whose return() says not done (the delegation goes on), one
// that yields a promise (passed through, not awaited), and a next() that
// gives a non-object.
export const log = [];

function iterator(name, options) {
  let i = 0;
  const it = {
    [Symbol.asyncIterator]() {
      return it;
    },
    next(v) {
      log.push(`${name}.next(${v})`);
      i++;
      if (options.badAt === i) return Promise.resolve(1);
      return Promise.resolve({ value: options.promise ? Promise.resolve(`${name}-p${i}`) : `${name}${i}`, done: i > 3 });
    },
  };
  if (options.throw) {
    it.throw = (e) => {
      log.push(`${name}.throw(${e instanceof Error ? e.message : e})`);
      return Promise.resolve({ value: `${name} took throw`, done: false });
    };
  }
  if (options.return) {
    it.return = (v) => {
      log.push(`${name}.return(${v})`);
      return Promise.resolve({ value: `${name} return ${v}`, done: options.return === "done" });
    };
  }
  return it;
}

/* @resumable */
export async function* main() {
  const names = ["noThrow", "noReturn", "notDone", "promises", "bad"];
  const options = [
    { return: "done" },
    { throw: true },
    { throw: true, return: "not done" },
    { promise: true, throw: true, return: "done" },
    { badAt: 2, throw: true },
  ];
  for (let k = 0; k < names.length; k++) {
    try {
      const r = yield* iterator(names[k], options[k]);
      log.push(`${names[k]} result ${r}`);
    } catch (e) {
      log.push(`${names[k]} threw ${e.constructor.name}`);
    }
  }
}

export const create = () => main();
// The delegates are made of closures.
export const snapshotRefusal = "allowed";
