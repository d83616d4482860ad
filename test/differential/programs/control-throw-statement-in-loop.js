// An uncaught throw from the body ends the generator: later next() calls report done.
export const log = [];

/* @resumable */
export function* main() {
  for (let i = 0; ; i++) {
    const sent = yield i;
    if (sent >= 30) throw new Error(`limit reached at ${i}`);
  }
}

export const create = () => main();
