// A while loop whose condition depends on values sent in.
export const log = [];

/* @resumable */
export function* main(limit) {
  let acc = 0;
  let rounds = 0;
  while (acc < limit) {
    const step = yield { acc, rounds };
    acc += typeof step === "number" ? step : 1;
    rounds++;
  }
  log.push({ acc, rounds });
  return rounds;
}

export const create = () => main(25);
export const sends = [undefined, 3, 4, 5, 6, 7, 8, 9];
