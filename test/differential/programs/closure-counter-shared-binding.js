// The generator and a closure update the same local; each sees the other's writes across yields.
export const log = [];

/* @resumable */
export function* main() {
  let count = 0;
  const bump = () => ++count;
  for (let i = 0; i < 3; i++) {
    bump();
    count += 10;
    yield count;
  }
  log.push(["final", bump(), count]);
  return count;
}

export const create = () => main();
export const snapshotRefusal = true;
