// A let declared in a loop body is fresh (uninitialized, then set) each iteration, without closures.
export const log = [];

/* @resumable */
export function* main() {
  const seen = [];
  for (let round = 0; round < 3; round++) {
    let fresh;
    seen.push(fresh);
    fresh = yield round;
    seen.push(fresh);
  }
  log.push(seen);
  return seen;
}

export const create = () => main();
