// return() runs a finally that yields; a throw() arriving during that finally replaces the return.
export const log = [];

/* @resumable */
export function* main() {
  try {
    try {
      yield "protected";
    } finally {
      log.push("finally start");
      yield "finally yield";
      log.push("finally end");
    }
  } catch (e) {
    log.push(["outer catch", e instanceof Error ? e.message : e]);
    yield "recovered";
  }
  return "end";
}

export const create = () => main();
