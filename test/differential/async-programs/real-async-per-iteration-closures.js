// Closures capturing per-iteration let bindings in async loops (for, for-of,
// for await), called after later iterations have mutated their copies.
export const log = [];

/* @resumable */
export async function* main() {
  const fns = [];
  for (let i = 0; i < 3; i++) {
    await null;
    fns.push(() => i);
    i += 0;
    yield i;
  }
  yield fns.map((f) => f()).join(",");
  const gets = [];
  for await (const [k, v] of [
    [Promise.resolve("a"), 1],
    ["b", 2],
  ]) {
    let local = v;
    gets.push(() => `${typeof k} ${local}`);
    local += 10;
    yield await v;
  }
  yield gets.map((f) => f()).join(";");
  const incs = [];
  for (let j = 0; j < 2; j++) {
    incs.push(async () => {
      await null;
      return ++j;
    });
  }
  const vals = await Promise.all(incs.map((f) => f()));
  return vals.join("/");
}

export const create = () => main();
export const snapshotRefusal = "allowed"; // fns/gets hold live closures across yields
