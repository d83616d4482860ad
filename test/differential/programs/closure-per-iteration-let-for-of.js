// Closures created in for (let x of ...) capture each element; a var loop shares one binding.
export const log = [];

/* @resumable */
export function* main() {
  const perIteration = [];
  for (let x of ["a", "b", "c"]) {
    perIteration.push(() => x);
    yield x;
    x = x + "!";
  }
  const shared = [];
  for (var v of [1, 2, 3]) {
    shared.push(() => v);
    yield v;
  }
  log.push(perIteration.map((f) => f()), shared.map((f) => f()));
  return "end";
}

export const create = () => main();
export const snapshotRefusal = true;
