// A job runner keyed by id: a Map of resumable job generators iterated with for…of while
// finished jobs are deleted (the current entry) and follow-up jobs are added (visited in
// the same pass), suspended between every step so the Map cursor is saved mid-iteration.
export const log = [];

/* @resumable */
function* job(id, steps) {
  for (let s = 1; s <= steps; s++) yield `${id}:${s}/${steps}`;
  return id.length > 3 ? null : `${id}+`;
}

/* @resumable */
export function* main() {
  const jobs = new Map([["a", job("a", 2)], ["bb", job("bb", 1)], ["c", job("c", 3)]]);
  const finished = [];
  let pass = 0;
  while (jobs.size > 0 && pass < 10) {
    pass++;
    for (const [id, gen] of jobs) {
      const r = gen.next();
      if (r.done) {
        jobs.delete(id);
        finished.push(id);
        if (r.value) jobs.set(r.value, job(r.value, 1));
        yield `pass ${pass}: ${id} done -> ${r.value}`;
      } else {
        yield `pass ${pass}: ${r.value}`;
      }
    }
  }
  log.push(finished, pass);
  return finished.length;
}

export const create = () => main();
