// Yields inside a catch block, with the caught error still in scope after the yields.
export const log = [];

/* @resumable */
export function* main() {
  for (let round = 0; round < 2; round++) {
    try {
      if (round === 0) throw new RangeError("first round");
      yield "no throw this time";
    } catch (error) {
      const a = yield `caught ${error.message}`;
      const b = yield "second yield in catch";
      log.push([error.message, a, b]);
    }
  }
  return "end";
}

export const create = () => main();
export const snapshotRefusal = "allowed"; // an Error object is held across the yields in the catch
