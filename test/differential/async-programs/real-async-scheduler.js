// Async generators held in a Map and an array, driven round-robin by a
// scheduler that is itself a resumable async generator.
export const log = [];

/* @resumable */
export async function* worker(name, steps) {
  let acc = 0;
  for (let i = 0; i < steps; i++) {
    const inc = yield `${name} step ${i}`;
    acc += inc ?? 1;
    await null;
  }
  return `${name}=${acc}`;
}

/* @resumable */
export async function* main() {
  const tasks = new Map([
    ["a", worker("a", 2)],
    ["b", worker("b", 3)],
    ["c", worker("c", 1)],
  ]);
  const order = [...tasks.keys()];
  const results = [];
  let tick = 0;
  while (order.length) {
    const name = order.shift();
    const gen = tasks.get(name);
    const { value, done } = await gen.next(tick++);
    if (done) {
      results.push(value);
      tasks.delete(name);
    } else {
      order.push(name);
      yield value;
    }
  }
  return results.join(" ");
}

export const create = () => main();
