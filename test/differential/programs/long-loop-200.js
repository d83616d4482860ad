// 200 iterations of a simple loop: nothing in the generator should grow with the number of steps.
export const log = [];

/* @resumable */
export function* main(n) {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const sent = yield i;
    sum += typeof sent === "number" ? sent : 0;
  }
  log.push(sum);
  return sum;
}

export const create = () => main(200);
// The snapshot taken late in the loop must be no bigger than one taken early.
export const snapshotSizeStable = true;
