// Optional chaining: a nullish base skips the whole chain, yields in it included.
export const log = [];

/* @resumable */
export function* main() {
  const present = { inner: { value: 42 }, list: [10, 20, 30] };
  const missing = null;
  const r = [];
  r.push(present?.[yield "key on present"]);
  r.push(missing?.[yield "key on missing (skipped)"]);
  r.push(present?.list?.[yield "index"]);
  r.push(missing?.a.b.c[yield "deep skipped"]);
  r.push(present.inner?.value);
  r.push(present.nothing?.value.deeper);
  log.push(r);
  return r;
}

export const create = () => main();
export const sends = [undefined, "inner", 1, "ignored"];
