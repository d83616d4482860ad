// do-while runs its body once even when the condition is false; continue goes to the condition.
export const log = [];

/* @resumable */
export function* main(n) {
  let i = 0;
  do {
    log.push(["body", i]);
    if (i % 2 === 1) {
      i++;
      continue;
    }
    yield i;
    i++;
  } while (i < n);
  let j = 100;
  do {
    yield j;
  } while (j < 0);
  return i;
}

export const create = () => main(5);
