// Task descriptors holding resumable generator functions (not objects); the
// runner creates generators from them after a yield. A snapshot holds such a
// function by its id, and the restore gives back the one loaded under it, so
// identity with the module's own binding survives.
export const log = [];

/* @resumable */
export function* countdown(n) {
  while (n > 0) yield n--;
  return "liftoff";
}

/* @resumable */
export function* main() {
  const jobs = [
    { name: "a", factory: countdown, arg: 2 },
    { name: "b", factory: countdown, arg: 1 },
  ];
  yield jobs.length;
  const results = [];
  for (const job of jobs) {
    const gen = job.factory(job.arg);
    results.push(yield* gen);
    log.push(["same function as the module's", job.factory === countdown]);
  }
  log.push(results);
  return results;
}

export const create = () => main();
