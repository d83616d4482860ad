// `yield p` awaits p first: the consumer sees the value, never the promise;
// a rejected p throws at the yield.
export const log = [];

/* @resumable */
export async function* main() {
  const a = yield Promise.resolve("resolved");
  log.push(`a=${a}`);
  const b = yield { then: (resolve) => resolve("thenable") };
  log.push(`b=${b}`);
  try {
    yield Promise.reject(new Error("rejected yield"));
    log.push("not reached");
  } catch (e) {
    log.push(`caught ${e.message}`);
  }
  const c = yield;
  log.push(`c=${c}`);
  yield Promise.resolve(Promise.resolve("nested"));
  return Promise.resolve("returned promise");
}

export const create = () => main();
