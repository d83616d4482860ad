// yield* to a hand-written async iterator (object with next/return/throw
// returning promises) and to a resumable async generator.
export const log = [];

function ticker(n) {
  let i = 0;
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next(v) {
      log.push(`ticker next ${String(v)}`);
      return Promise.resolve(i < n ? { value: `t${i++}`, done: false } : { value: `ticker end`, done: true });
    },
    return(v) {
      log.push(`ticker return ${String(v)}`);
      return Promise.resolve({ value: v, done: true });
    },
    throw(e) {
      log.push(`ticker throw ${e && e.message}`);
      return Promise.resolve({ value: "recovered", done: false });
    },
  };
}

/* @resumable */
export async function* sub(n) {
  let got = [];
  for (let i = 0; i < n; i++) {
    try {
      got.push(yield `sub ${i}`);
    } catch (e) {
      log.push(`sub caught ${e.message}`);
    }
  }
  return got.join("|");
}

/* @resumable */
export async function* main() {
  const r1 = yield* ticker(3);
  log.push(`r1 ${r1}`);
  const r2 = yield* sub(3);
  log.push(`r2 ${r2}`);
  return `${r1}/${r2}`;
}

export const create = () => main();
export const snapshotRefusal = "allowed"; // the hand-written ticker is a closure-based iterator, unsavable while delegated to
