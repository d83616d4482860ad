// A work-queue consumer: jobs with dependencies processed in batches with
// Promise.all, failures retried once, results yielded per batch.
export const log = [];

const JOBS = [
  { id: "a", deps: [] },
  { id: "b", deps: ["a"] },
  { id: "c", deps: ["a"] },
  { id: "d", deps: ["b", "c"] },
  { id: "e", deps: [] },
];
const flaky = new Set(["c"]);

async function run(job, attempt) {
  await null;
  if (flaky.has(job.id) && attempt === 0) throw new Error(`flaky ${job.id}`);
  return `${job.id}#${attempt}`;
}

/* @resumable */
export async function* main() {
  const done = new Set();
  const attempts = {};
  let round = 0;
  while (done.size < JOBS.length) {
    const ready = JOBS.filter((j) => !done.has(j.id) && j.deps.every((d) => done.has(d)));
    if (ready.length === 0) throw new Error("cycle");
    const outcomes = await Promise.allSettled(ready.map((j) => run(j, attempts[j.id] ?? 0)));
    const ok = [];
    outcomes.forEach((o, i) => {
      const id = ready[i].id;
      if (o.status === "fulfilled") {
        done.add(id);
        ok.push(o.value);
      } else {
        attempts[id] = (attempts[id] ?? 0) + 1;
        log.push(o.reason.message);
      }
    });
    const resp = yield { round: round++, ok };
    if (resp === "abort") return "aborted";
  }
  return [...done].join("");
}

export const create = () => main();
