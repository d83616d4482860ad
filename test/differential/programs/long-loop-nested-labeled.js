// 20 x 12 nested loops with labeled continue: 200 yields.
export const log = [];

/* @resumable */
export function* main() {
  let count = 0;
  outer: for (let i = 0; i < 20; i++) {
    for (let j = 0; j < 12; j++) {
      if (j >= 10) continue outer;
      count++;
      yield `${i}.${j}`;
    }
  }
  log.push(count);
  return count;
}

export const create = () => main();
// The snapshot taken late in the loop must be no bigger than one taken early.
export const snapshotSizeStable = true;
