// Writes that may not happen do not make a local dead: under an if, in some
// switch cases, behind && or ||, in a loop that runs zero times, after a
// labeled break that may skip them (a closure that writes: liveness-closure-reads.js).
export const log = [];

const empty = (n) => (n % 2 ? [n] : []);

/* @resumable */
export function* main() {
  let a = "a0",
    b = "b0",
    c = "c0",
    d = "d0",
    e = "e0",
    g = "g0";
  for (let n = 0; n < 4; n++) {
    yield n;
    if (n % 2) a = `a${n}`;
    log.push(a);
    switch (n) {
      case 1:
        b = `b${n}`;
        break;
      case 2:
        log.push("two");
    }
    log.push(b);
    n > 1 && (c = `c${n}`);
    n > 2 || (d = `d${n}`);
    log.push(c, d);
    for (const x of empty(n)) e = `e${x}`;
    log.push(e);
    block: {
      if (n === 2) break block;
      g = `g${n}`;
    }
    log.push(g);
  }
  return [a, b, c, d, e, g].join();
}

export const create = () => main();
