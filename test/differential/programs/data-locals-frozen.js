// Frozen and sealed objects stay frozen/sealed across yields.
export const log = [];

/* @resumable */
export function* main() {
  const frozen = Object.freeze({ a: 1 });
  const sealed = Object.seal({ b: 2 });
  yield "held";
  try {
    frozen.a = 2;
  } catch (e) {
    log.push(["frozen write", e.constructor.name]);
  }
  sealed.b = 3;
  try {
    sealed.c = 4;
  } catch (e) {
    log.push(["sealed add", e.constructor.name]);
  }
  return [Object.isFrozen(frozen), Object.isSealed(sealed), frozen, sealed];
}

export const create = () => main();
export const snapshotRefusal = "allowed"; // integrity levels may or may not be saved
