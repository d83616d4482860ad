// 200 delegations to a small resumable generator: delegation state does not pile up.
export const log = [];

/* @resumable */
function* pair(i) {
  yield `${i}a`;
  return i;
}

/* @resumable */
export function* main() {
  let total = 0;
  for (let i = 0; i < 200; i++) {
    total += yield* pair(i);
  }
  log.push(total);
  return total;
}

export const create = () => main();
// The snapshot taken late in the loop must be no bigger than one taken early.
export const snapshotSizeStable = true;
