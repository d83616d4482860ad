// `return await p` awaits twice; a bare `return` awaits nothing.
export const log = [];

const tick = () => Promise.resolve().then(() => log.push("side tick"));

/* @resumable */
export async function* main(x) {
  tick();
  yield 1;
  tick();
  if (x > 5) return await Promise.resolve(x);
  if (x > 2) {
    tick();
    yield 2;
    return;
  }
  return x;
}

export const create = () => main(3);
