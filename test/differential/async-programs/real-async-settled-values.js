// await of already-settled promises, plain values, null/undefined, a promise
// created but never awaited (a handled rejection), and async function
// results; microtask ordering against a side chain.
export const log = [];

const side = (label, n) => {
  let p = Promise.resolve();
  for (let i = 0; i < n; i++) p = p.then(() => log.push(`${label}${i}`));
};

/* @resumable */
export async function* main() {
  const settled = Promise.resolve("settled");
  const handled = Promise.reject(new Error("handled"));
  handled.catch(() => log.push("handled rejection"));
  await null;
  side("a", 4);
  const x = await settled;
  const y = await 42;
  const z = await undefined;
  log.push(`${x} ${y} ${z}`);
  yield "first";
  side("b", 5);
  const f = async () => "fn";
  const w = await f();
  yield w;
  side("c", 5);
  const nested = await Promise.resolve(Promise.resolve(Promise.resolve("n3")));
  yield nested;
  side("d", 3);
  return await (async () => {
    await null;
    return "ret";
  })();
}

export const create = () => main();
export const snapshotRefusal = "allowed"; // `settled` and `handled` are promises held across the yields
export const restoreExempt = "side promise chains started by the body run on across the snapshot in the original process only";
