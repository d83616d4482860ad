// yield binds loosely: yield a, b is (yield a), b; yield a ? b : c yields the whole conditional.
export const log = [];

/* @resumable */
export function* main() {
  let x;
  const r1 = (yield 1, 2);
  const r2 = yield true ? "cond-yes" : "cond-no";
  x = yield x = "assigned in operand";
  const r3 = yield 2 + 3 * 4;
  const r4 = [yield, yield];
  log.push([r1, r2, x, r3, r4]);
  return r4;
}

export const create = () => main();
