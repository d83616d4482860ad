// for (init; test; update) where each clause yields.
export const log = [];

/* @resumable */
export function* main() {
  let rounds = 0;
  for (let i = yield "init"; i < (yield "test"); i += yield "update") {
    rounds++;
    log.push(["body", i]);
    if (rounds > 6) break;
  }
  return rounds;
}

export const create = () => main();
export const sends = [undefined, 1, 5, 2, 5, 2, 5, 2, 5, 2, 5, 2];
