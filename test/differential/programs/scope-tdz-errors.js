// Reading a let/const/class before its declaration throws ReferenceError, even across yields.
export const log = [];

/* @resumable */
export function* main() {
  try {
    log.push(early);
  } catch (e) {
    log.push(["let tdz", e.constructor.name]);
  }
  yield 1;
  let early = "now set";
  log.push(early);
  {
    try {
      yield 2;
      log.push(typeof Later);
    } catch (e) {
      log.push(["class tdz", e.constructor.name]);
    }
    class Later {}
    yield typeof Later;
  }
  try {
    const self = self + 1;
  } catch (e) {
    log.push(["self reference", e.constructor.name]);
  }
  return early;
}

export const create = () => main();
// The class declaration Later is a function value in a local.
export const snapshotRefusal = "allowed";

