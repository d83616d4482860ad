// A finally that yields and awaits: return() and throw() at a yield run it,
// and its own yields suspend the way out.
export const log = [];

/* @resumable */
export async function* main() {
  try {
    try {
      yield "a";
      yield "b";
    } finally {
      log.push("inner finally");
      await 1;
      const r = yield "from inner finally";
      log.push(`inner finally got ${r}`);
      await Promise.resolve();
    }
    yield "c";
  } catch (e) {
    log.push(`caught ${e instanceof Error ? e.message : e}`);
    yield "in catch";
  } finally {
    log.push("outer finally");
    yield await "from outer finally";
  }
  return "done";
}

export const create = () => main();
