// Several labels on one loop are aliases: `continue outer` and `break outer`
// act on the loop the inner label names too (for…of, while, for), also from
// a nested loop, with yields on the way.
export const log = [];

/* @resumable */
export function* main(rows) {
  outer: inner: for (const row of rows) {
    for (const cell of row) {
      if (cell === 0) continue outer;
      if (cell < 0) break inner;
      yield cell;
    }
    log.push(["row done", row]);
  }
  let n = 3;
  first: second: third: while (n > 0) {
    n--;
    if (n === 1) continue first;
    yield ["while", n];
    if (n === 0) break second;
  }
  a: b: for (let i = 0; i < 4; i++) {
    if (i % 2) continue a;
    yield ["for", i];
  }
  return n;
}

export const create = () => main([[1, 0, 2], [3, 4], [-1, 5], [6]]);
