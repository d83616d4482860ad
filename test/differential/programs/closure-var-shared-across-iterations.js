// Closures over a var in a loop all see its final value; an IIFE per iteration captures a copy.
export const log = [];

/* @resumable */
export function* main() {
  const viaVar = [];
  const viaIife = [];
  for (var i = 0; i < 3; i++) {
    viaVar.push(() => i);
    viaIife.push(((copy) => () => copy)(i));
    yield i;
  }
  log.push(viaVar.map((f) => f()), viaIife.map((f) => f()));
  return i;
}

export const create = () => main();
export const snapshotRefusal = true;
