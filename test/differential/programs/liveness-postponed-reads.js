// Regenerator reads a side-effect-free operand before a yield in the same
// expression only after resuming: a local written before the statement and
// read in it, around the yield, stays live there.
export const log = [];

const f = (n) => `f${n}`;

/* @resumable */
export function* main() {
  let x;
  let y;
  for (let n = 0; n < 3; n++) {
    x = f(n);
    const joined = `${x}` + (yield n);
    log.push(joined);
    y = f(n + 10);
    log.push([y, yield `second ${n}`]);
  }
  return x;
}

export const create = () => main();
export const sends = [undefined, "s1", "s2", "s3", "s4", "s5", "s6"];
