// Unary operators applied to yields: - + ! ~ typeof void delete, and ++/-- on members with a yielded key.
export const log = [];

/* @resumable */
export function* main() {
  const r = [];
  r.push(-(yield "neg"));
  r.push(+(yield "plus"));
  r.push(!(yield "not"));
  r.push(~(yield "bitnot"));
  r.push(typeof (yield "typeof"));
  r.push(void (yield "void"));
  const o = { a: 1, b: 2, c: 3 };
  r.push(delete o[yield "delete key"]);
  r.push(Object.keys(o));
  const counts = { x: 0 };
  r.push(counts[yield "inc key"]++);
  r.push(++counts[yield "pre-inc key"]);
  r.push(--counts[yield "pre-dec key"]);
  r.push(typeof undeclaredAnywhere);
  log.push(r);
  return r;
}

export const create = () => main();
export const sends = [undefined, "5", "7", 0, 6, 3n, "ignored", "b", "x", "x", "x"];
