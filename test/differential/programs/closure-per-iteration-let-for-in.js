// Closures created in for (const k in ...) capture each key separately.
export const log = [];

/* @resumable */
export function* main() {
  const getters = [];
  for (const key in { red: 1, green: 2, blue: 3 }) {
    getters.push(() => key.toUpperCase());
    yield key;
  }
  log.push(getters.map((g) => g()));
  return getters.length;
}

export const create = () => main();
export const snapshotRefusal = true;
