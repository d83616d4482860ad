// `x++` and `x op= v` on a let before its declaration throw ReferenceError
// before the right side runs, also from a closure; after it, they update.
export const log = [];

/* @resumable */
export function* main() {
  try {
    counter++;
  } catch (e) {
    log.push(["++", e.constructor.name]);
  }
  yield "between";
  try {
    counter += (log.push("right side"), 1);
  } catch (e) {
    log.push(["+=", e.constructor.name]);
  }
  try {
    bump();
  } catch (e) {
    log.push(["closure **=", e.constructor.name]);
  }
  let counter = 1;
  counter++;
  counter += yield counter;
  bump();
  return counter;
  function bump() {
    counter **= 2;
  }
}

export const create = () => main();
export const sends = [undefined, undefined, 3];
// bump (a hoisted function declaration) is a function value in a local.
export const snapshotRefusal = "allowed";
