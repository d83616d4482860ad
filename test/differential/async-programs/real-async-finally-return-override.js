// return() at a yield with finally blocks that yield, await, return a new
// value, or throw; return(v) with a thenable v; return in try with await.
export const log = [];

/* @resumable */
export async function* main() {
  try {
    try {
      yield "a";
      yield "b";
    } finally {
      const r = yield "cleanup 1";
      log.push(`cleanup got ${r}`);
      await Promise.resolve();
    }
    try {
      yield "c";
      return await Promise.resolve("early");
    } finally {
      log.push("finally 2");
      if ((yield "cleanup 2") === "override") return "overridden";
    }
  } catch (e) {
    log.push(`outer caught ${e.message}`);
    yield "after catch";
  } finally {
    await null;
    log.push("outer finally");
  }
}

export const create = () => main();
export const sends = [undefined, 1, 2, 3, 4, "override", 6, 7];
