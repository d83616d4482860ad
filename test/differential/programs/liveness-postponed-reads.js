// Regenerator reads some operands before a yield in the same expression only
// after resuming (the object of `x[yield n]`): a local written before the
// statement and read in it, around the yield, stays live there. So does one
// written before the yield in the same statement (`let a = f(n), b = yield`).
export const log = [];

const f = (n) => `f${n}`;

/* @resumable */
export function* main() {
  let x;
  let y;
  let z;
  for (let n = 0; n < 3; n++) {
    x = f(n);
    const joined = `${x}` + (yield n);
    log.push(joined);
    y = f(n + 10);
    log.push([y, yield `second ${n}`]);
    z = [`z${n}`, `w${n}`];
    log.push(z[yield `index ${n}`]);
  }
  for (let n = 0; n < 2; n++) {
    let a = f(n),
      b = yield `pair ${n}`;
    log.push(a, b);
  }
  let p, q;
  for (let n = 0; n < 2; n++) {
    (p = f(n + 20)), (q = yield `sequence ${n}`);
    log.push(p, q);
  }
  return x;
}

export const create = () => main();
export const sends = [undefined, "s1", "s2", 0, "s4", "s5", 1, "s7", "s8", 0, "a", "b", "c", "d"];
