// Closures created in a for (let ...) loop each capture their own i, even when i changes after the closure is made.
export const log = [];

/* @resumable */
export function* main() {
  const fns = [];
  for (let i = 0; i < 4; i++) {
    fns.push(() => i);
    yield i;
    i += 0;
  }
  const late = [];
  for (let j = 0; j < 3; j++) {
    late.push(() => j * 10);
    j++;
    yield `j is now ${j}`;
  }
  log.push(fns.map((f) => f()), late.map((f) => f()));
  return fns.length + late.length;
}

export const create = () => main();
export const snapshotRefusal = true; // the arrays of closures are live at every yield
