// A cooperative scheduler: round-robin over worker generators held in an array,
// with priorities, a run queue that workers can extend (spawn), and sleeping tasks.
export const log = [];

/* @resumable */
function* worker(name, steps, spawnAt) {
  let acc = 0;
  for (let i = 1; i <= steps; i++) {
    acc += i;
    const cmd = yield i === spawnAt ? { spawn: `${name}.child` } : i % 2 === 0 ? { sleep: 2 } : { tick: i };
    if (cmd === "cancel") return `${name} cancelled at ${i}`;
  }
  return `${name}=${acc}`;
}

/* @resumable */
export function* main() {
  const tasks = [
    { name: "alpha", gen: worker("alpha", 4, 2), sleep: 0 },
    { name: "beta", gen: worker("beta", 3, 0), sleep: 0 },
  ];
  const finished = [];
  let clock = 0;
  let cursor = 0;
  while (tasks.length > 0) {
    clock++;
    if (cursor >= tasks.length) cursor = 0;
    const task = tasks[cursor];
    if (task.sleep > 0) {
      task.sleep--;
      cursor++;
      continue;
    }
    const { value, done } = task.gen.next(clock === 9 && task.name === "beta" ? "cancel" : undefined);
    if (done) {
      finished.push(value);
      tasks.splice(cursor, 1);
      yield { clock, finished: value };
      continue;
    }
    if (value.spawn) tasks.push({ name: value.spawn, gen: worker(value.spawn, 2, 0), sleep: 1 });
    else if (value.sleep) task.sleep = value.sleep;
    const ext = yield { clock, task: task.name, value };
    if (ext === "stop") break;
    cursor++;
  }
  for (const t of tasks) t.gen.return("shutdown");
  log.push(finished);
  return { clock, finished };
}

export const create = () => main();
