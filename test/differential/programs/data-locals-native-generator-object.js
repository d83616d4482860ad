// A native generator object kept in a local: it works, but the frame cannot be snapshotted.
export const log = [];

function* nativeTicker() {
  let i = 0;
  while (true) yield i++;
}

/* @resumable */
export function* main() {
  const t = nativeTicker();
  for (let round = 0; round < 3; round++) {
    yield t.next().value;
  }
  return t.next().value;
}

export const create = () => main();
export const snapshotRefusal = true;
