// in, instanceof and ** with yields on either side.
export const log = [];

/* @resumable */
export function* main() {
  const o = { present: 1 };
  const r = [];
  r.push((yield "key for in") in o);
  r.push("present" in (yield "object for in"));
  r.push([] instanceof (yield "ignored", Array));
  r.push(2 ** (yield "exponent"));
  r.push((yield "base") ** 2);
  r.push((-(yield "negated base")) ** 3);
  log.push(r);
  return r;
}

export const create = () => main();
export const sends = [undefined, "present", { present: 0 }, null, 10, 3, 2];
