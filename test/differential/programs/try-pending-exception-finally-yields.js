// An exception thrown in try is pending while finally yields; it propagates after the finally.
export const log = [];

/* @resumable */
function* failing() {
  try {
    yield "inner try";
    throw new Error("pending");
  } finally {
    const sent = yield "inner finally";
    log.push(["finally got", sent]);
  }
}

/* @resumable */
export function* main() {
  try {
    yield* failing();
  } catch (e) {
    log.push(["caught", e.message]);
  }
  return "end";
}

export const create = () => main();
export const snapshotRefusal = "allowed"; // the pending Error is held while the finally is suspended
