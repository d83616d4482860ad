// x = yield x in a while condition.
export const log = [];

/* @resumable */
export function* main() {
  let x = 0;
  let laps = 0;
  while ((x = yield x) !== 30) {
    laps++;
    log.push(["lap", laps, x]);
    if (laps > 10) break;
  }
  return { x, laps };
}

export const create = () => main();
