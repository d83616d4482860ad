// Around a loop's back edge: a read before the write in the body (reached
// from the yield on the next round), a read after the yield and before the
// next write, and the loop's own test and update reading it.
export const log = [];

const f = (n) => `f${n}`;

/* @resumable */
export function* main() {
  let x = "x0";
  for (let n = 0; n < 3; n++) {
    log.push(x);
    x = f(n);
    yield n;
  }
  let y = "y0";
  for (let n = 0; n < 3; n++) {
    y = f(n);
    yield n;
    log.push(y);
  }
  let z = 0;
  for (let n = 0; z < 20; n++, z += 1) {
    z = n * 5;
    yield z;
  }
  let w = 0;
  while (w < 3) {
    w = w + 1;
    yield w;
  }
  let v = "v";
  do {
    v = `${v}!`;
    yield v;
  } while (v.length < 4);
  // Nested: the inner loop repeats the read before its own write.
  let u = "u0";
  for (let i = 0; i < 2; i++) {
    u = `u${i}`;
    for (let j = 0; j < 2; j++) {
      log.push(u);
      yield `${i}${j}`;
      u = `${u}+`;
    }
  }
  return [x, y, z, w, v, u].join();
}

export const create = () => main();
