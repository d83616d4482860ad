// The body drives another resumable async generator by hand: several
// next() calls in flight at once (Promise.all), then return() on it, and
// a sync resumable generator held across awaits and stepped manually.
export const log = [];

/* @resumable */
export async function* counter(limit) {
  let i = 0;
  try {
    while (i < limit) {
      const got = yield i++;
      log.push(`counter got ${got}`);
      await null;
    }
  } finally {
    log.push("counter finally");
  }
}

/* @resumable */
export function* ids() {
  let n = 100;
  while (true) yield n++;
}

/* @resumable */
export async function* main() {
  const c = counter(10);
  const rs = await Promise.all([c.next("x"), c.next("y"), c.next("z")]);
  yield rs.map((r) => r.value).join(",");
  const id = ids();
  await null;
  yield `id ${id.next().value}`;
  const r = await c.next("w");
  yield `next ${r.value} id ${id.next().value}`;
  const closed = await c.return("stop");
  yield `closed ${JSON.stringify(closed)}`;
  return (await c.next()).done;
}

export const create = () => main();
