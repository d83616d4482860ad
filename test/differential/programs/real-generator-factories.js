// Task descriptors holding resumable generator functions (not objects) and module-level
// helper functions; the runner creates generators from them after a yield.
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
  }
  log.push(results);
  return results;
}

export const create = () => main();
// FINDING (surprising refusal): a resumable generator function held in a local (jobs[i].factory) is refused
// ("function countdown is not serializable; register it with registerValue()") although it has a stable id.
export const snapshotRefusal = "allowed";
