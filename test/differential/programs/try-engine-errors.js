// Errors raised by the engine itself are caught inside the generator (only their class is compared).
export const log = [];

/* @resumable */
export function* main() {
  const cases = [
    () => null.property,
    () => undefinedVariable,
    () => new Array(-1),
    () => (1).toFixed(500),
    () => Symbol() + "",
    () => BigInt(1) + 1,
  ];
  for (let i = 0; i < cases.length; i++) {
    try {
      cases[i]();
      log.push("no error");
    } catch (e) {
      log.push([i, e.constructor.name]);
    }
    yield i;
  }
  return "end";
}

export const create = () => main();
export const snapshotRefusal = true; // the array of closures is live at every yield
