// Yields inside try; the driver's throw() lands in the catch, return() runs the finally.
export const log = [];

/* @resumable */
export function* main() {
  let state = "start";
  try {
    state = "first";
    const a = yield 1;
    state = "second";
    const b = yield 2;
    log.push(["sum", a + b]);
  } catch (e) {
    log.push(["caught", state, e instanceof Error ? e.message : e]);
    return "from catch";
  } finally {
    log.push(["finally", state]);
  }
  yield 3;
  return "end";
}

export const create = () => main();
