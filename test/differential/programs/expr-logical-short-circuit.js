// &&, ||, ?? and their assignment forms skip the right side (and its yield) when they short-circuit.
export const log = [];

/* @resumable */
export function* main() {
  const r = [];
  r.push(0 && (yield "and skipped"));
  r.push(1 && (yield "and taken"));
  r.push("x" || (yield "or skipped"));
  r.push("" || (yield "or taken"));
  r.push(0 ?? (yield "nullish skipped"));
  r.push(null ?? (yield "nullish taken"));
  r.push(undefined ?? (yield "nullish taken 2"));
  const o = { a: 1, b: 0, c: null };
  o.a &&= yield "and-assign taken";
  o.b &&= yield "and-assign skipped";
  o.b ||= yield "or-assign taken";
  o.a ||= yield "or-assign skipped";
  o.c ??= yield "nullish-assign taken";
  o.a ??= yield "nullish-assign skipped";
  log.push(r, o);
  return o;
}

export const create = () => main();
