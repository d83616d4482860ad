// Yields inside finally on normal completion.
export const log = [];

/* @resumable */
export function* main() {
  let n = 0;
  try {
    n = yield "try";
  } finally {
    const f1 = yield "finally 1";
    const f2 = yield "finally 2";
    log.push(["finally saw", n, f1, f2]);
  }
  return n;
}

export const create = () => main();
