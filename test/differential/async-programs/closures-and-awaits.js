// Closures over locals and per-iteration bindings, called across awaits
// (only between yields, so snapshots never hold them).
export const log = [];

/* @resumable */
export async function* main() {
  let counter = 0;
  const fns = [];
  for (let i = 0; i < 3; i++) {
    fns.push(() => i + counter);
    await null;
  }
  counter = 100;
  const values = fns.map((fn) => fn());
  fns.length = 0;
  yield values;
  const later = await Promise.resolve(() => counter * 2);
  counter = await later();
  yield counter;
  const results = await Promise.all([1, 2, 3].map(async (v) => (await v) * counter));
  yield results;
  let shared = 0;
  const bump = () => ++shared;
  await Promise.resolve().then(bump).then(bump);
  return shared;
}

export const create = () => main();
