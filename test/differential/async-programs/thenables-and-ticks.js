// Thenables (resolving later, throwing, resolving twice), promises of
// promises, and a concurrent promise chain that shows how many microtask
// turns each await takes.
export const log = [];

const later = (v) => ({
  then(resolve) {
    Promise.resolve().then(() => resolve(v));
  },
});
const throwing = {
  then() {
    throw new Error("then threw");
  },
};
const twice = {
  then(resolve, reject) {
    resolve("first");
    resolve("second");
    reject(new Error("ignored"));
  },
};
const chain = (label, n) => {
  let p = Promise.resolve();
  for (let i = 0; i < n; i++) p = p.then(() => log.push(`${label} ${i}`));
};

/* @resumable */
export async function* main() {
  chain("c1", 6);
  log.push(`later ${await later(1)}`);
  try {
    await throwing;
  } catch (e) {
    log.push(e.message);
  }
  log.push(`twice ${await twice}`);
  chain("c2", 6);
  yield await Promise.resolve(Promise.resolve("pp"));
  chain("c3", 6);
  yield later("yielded thenable");
  chain("c4", 4);
  return later("returned thenable");
}

export const create = () => main();
export const restoreExempt = "promise chains started by the body run on across the snapshot in the original process only";
