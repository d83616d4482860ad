// Three nested try blocks with yields at every level; throw() and return() unwind them in order.
export const log = [];

/* @resumable */
export function* main() {
  try {
    yield "level 1";
    try {
      yield "level 2";
      try {
        yield "level 3";
      } catch (e) {
        log.push(["catch 3", e.message]);
        yield "catch 3 yields";
        throw new Error("from catch 3");
      } finally {
        log.push("finally 3");
        yield "finally 3";
      }
      yield "after level 3";
    } finally {
      log.push("finally 2");
      yield "finally 2";
    }
  } catch (e) {
    log.push(["catch 1", e.message]);
    yield "catch 1 yields";
  } finally {
    log.push("finally 1");
  }
  return "end";
}

export const create = () => main();
