// An object pattern with a rest element, assigned to declared names (not
// declared by the pattern) in a statement with a yield: a plain assignment,
// one nested in another pattern, one with a computed key, and a for…of head.
export const log = [];
export const sends = [undefined, { a: 1, b: 2, c: 3 }, "A", "K", "third", "r1", "r2", "r3"];

/* @resumable */
export function* main() {
  let a, b, rest, inner;
  ({ a, ...rest } = yield "first");
  log.push([a, rest]);
  ({ a, b: { c: b, ...inner } = {}, ...rest } = { a: yield "a?", b: { c: 3, d: 4 }, e: 5 });
  log.push([a, b, inner, rest]);
  const key = "k";
  ({ [key]: b, ...rest } = { k: yield "k?", z: 26 });
  log.push([b, rest]);
  for ({ a, ...rest } of [{ a: 1, y: 2 }, { a: yield "third", q: 9 }]) {
    log.push([a, rest]);
    yield rest;
  }
  return [a, b, rest];
}

export const create = () => main();
