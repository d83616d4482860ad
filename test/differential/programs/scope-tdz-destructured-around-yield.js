// let and const declarations by a pattern, in a statement with a yield: a
// read before the declaration ran (from the code above it, a hoisted
// function, a closure, typeof) throws ReferenceError, as natively, and a
// read after it does not.
export const log = [];
// The hoisted function and the closure are live at the first two yields.
export const snapshotRefusal = [1, 2];

const attempt = (read) => {
  try {
    return read();
  } catch (error) {
    return error.constructor.name;
  }
};

/* @resumable */
export function* main() {
  log.push(attempt(() => early));
  {
    const before = attempt(() => viaHoisted());
    const [early] = [yield before];
    function viaHoisted() {
      return early;
    }
    log.push(early, viaHoisted());
  }
  let peek = () => typeof laterObject;
  log.push(attempt(peek));
  let { laterObject } = { laterObject: yield "object" };
  log.push(attempt(peek));
  for (let i = 0; i < 2; i++) {
    log.push(attempt(() => inLoop));
    const [inLoop = i] = [yield `loop ${i}`];
    log.push(inLoop);
  }
  return laterObject;
}

export const create = () => main();
