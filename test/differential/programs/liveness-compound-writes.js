// Writes that read first (`x += 1`, `x++`, a destructuring default that reads
// the local) and for…of heads over lists that may be empty do not make a
// local dead.
export const log = [];

const items = (n) => (n === 1 ? [] : [`i${n}`, `j${n}`]);

/* @resumable */
export function* main() {
  let total = 100;
  let count = 0;
  let x = "x";
  let item = "none";
  let pair = "p";
  for (let n = 0; n < 3; n++) {
    yield n;
    total += n;
    log.push(total);
    count++;
    log.push(count);
    [x = `${x}!`] = [];
    log.push(x);
    for (item of items(n));
    log.push(item);
    ({ pair = pair + n } = {});
    log.push(pair);
  }
  // A destructuring target is written; the local is not read before it.
  let a, b;
  for (let n = 0; n < 2; n++) {
    [a, b] = [`a${n}`, `b${n}`];
    yield a + b;
  }
  return [total, count, x, item, pair, a, b].join();
}

export const create = () => main();
