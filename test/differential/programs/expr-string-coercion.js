// String and number coercion of sent values of many types.
export const log = [];

/* @resumable */
export function* main() {
  const r = [];
  for (let i = 0; i < 6; i++) {
    const v = yield i;
    r.push(["" + v, typeof v, v == 0, v === null]);
  }
  log.push(r);
  return r;
}

export const create = () => main();
export const sends = [undefined, [1, 2], {}, null, true, "", 0];
