// try/catch inside a finally, and try/finally inside a catch.
export const log = [];

/* @resumable */
export function* main() {
  try {
    yield "outer try";
  } finally {
    try {
      yield "finally: inner try";
      throw new Error("inside finally");
    } catch (e) {
      log.push(["finally caught", e.message]);
      yield "finally: inner catch";
    }
  }
  try {
    throw new Error("second");
  } catch (e) {
    try {
      yield "catch: inner try";
    } finally {
      log.push(["catch finally", e.message]);
    }
  }
  return "end";
}

export const create = () => main();
export const snapshotRefusal = "allowed"; // an Error is held across a yield in the second catch
