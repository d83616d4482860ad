// break and continue in while, for and do-while, each around yields.
export const log = [];

/* @resumable */
export function* main() {
  let i = 0;
  while (true) {
    i++;
    if (i === 2) continue;
    if (i > 4) break;
    yield ["while", i];
  }
  for (let j = 0; j < 10; j++) {
    if (j % 3 !== 0) continue;
    const sent = yield ["for", j];
    if (j >= 6) break;
    log.push(sent);
  }
  let k = 0;
  do {
    k++;
    if (k === 1) continue;
    yield ["do", k];
  } while (k < 3);
  return i + k;
}

export const create = () => main();
