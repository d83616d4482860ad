// Promise.all / allSettled / race / any inside the body with a mix of
// settled, rejected and plain values.
export const log = [];

const ok = (v) => Promise.resolve(v);
const no = (m) => Promise.reject(new Error(m));

/* @resumable */
export async function* main() {
  const all = await Promise.all([ok(1), 2, ok(3)]);
  yield all.join(",");
  const settled = await Promise.allSettled([ok("s"), no("r")]);
  yield settled.map((s) => s.status + ":" + (s.value ?? s.reason.message)).join(" ");
  try {
    await Promise.all([ok(1), no("all fails")]);
  } catch (e) {
    yield e.message;
  }
  const first = await Promise.race([ok("race1"), ok("race2")]);
  yield first;
  try {
    await Promise.any([no("x"), no("y")]);
  } catch (e) {
    yield `${e.constructor.name} ${e.errors.map((x) => x.message).join("")}`;
  }
  const parts = await Promise.all(
    [1, 2, 3].map(async (n) => {
      await null;
      log.push(`part ${n}`);
      return n * n;
    }),
  );
  return parts;
}

export const create = () => main();
