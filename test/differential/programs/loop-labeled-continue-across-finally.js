// A labeled continue crosses a finally that yields; the loop then goes on.
export const log = [];

/* @resumable */
export function* main() {
  let count = 0;
  outer: for (let i = 0; i < 3; i++) {
    while (true) {
      try {
        count++;
        yield ["try", i, count];
        continue outer;
      } finally {
        yield ["finally", i];
        log.push(["finally done", i]);
      }
    }
  }
  return count;
}

export const create = () => main();
