// A destructuring target or a for…in/of head that writes a let before its
// declaration throws ReferenceError after the value is read, also from a
// closure; the same writes after the declaration (from a hoisted function
// too) store the value.
export const log = [];

/* @resumable */
export function* main() {
  const source = {
    get first() {
      log.push("read first");
      return 1;
    },
  };
  try {
    ({ first: slot } = source);
  } catch (e) {
    log.push(["object pattern", e.constructor.name]);
  }
  yield "between";
  try {
    for (slot of [2]);
  } catch (e) {
    log.push(["for-of head", e.constructor.name]);
  }
  try {
    (() => {
      [slot] = [3];
    })();
  } catch (e) {
    log.push(["closure", e.constructor.name]);
  }
  let slot = 0;
  [slot] = [4];
  yield slot;
  for (slot in { five: 5 });
  yield slot;
  writeLater();
  return slot;
  function writeLater() {
    [slot] = [6];
  }
}

export const create = () => main();
// writeLater (a hoisted function declaration) is a function value in a local.
export const snapshotRefusal = "allowed";
