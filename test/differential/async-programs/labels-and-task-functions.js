// Several labels on a `for await` (`continue outer` to the loop the inner
// label names), and resumable async generator functions held as values (a
// list of tasks, spawned after a yield and saved by their id).
export const log = [];

async function* source(count) {
  for (let i = 0; i < count; i++) yield i;
}

/* @resumable */
export async function* countdown(n) {
  while (n > 0) {
    await null;
    yield n--;
  }
  return "liftoff";
}

/* @resumable */
export async function* main() {
  outer: inner: for await (const v of source(4)) {
    if (v === 1) continue outer;
    if (v === 3) break inner;
    log.push(["label chain", v]);
  }
  const tasks = [countdown, countdown];
  yield tasks.length;
  const results = [];
  for (let i = 0; i < tasks.length; i++) {
    results.push(yield* tasks[i](i + 1));
    log.push(["same function", tasks[i] === countdown]);
  }
  return results;
}

export const create = () => main();
// The for await iterates a native async generator.
export const snapshotRefusal = "allowed";
