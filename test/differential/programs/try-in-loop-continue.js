// continue inside try/catch/finally in a loop: the finally runs every time, catch only on error.
export const log = [];

/* @resumable */
export function* main() {
  let total = 0;
  for (let i = 0; i < 5; i++) {
    try {
      if (i % 2 === 0) {
        yield ["even", i];
        continue;
      }
      if (i === 3) throw new Error("three");
      total += yield i;
    } catch (e) {
      log.push(["catch", i]);
      continue;
    } finally {
      log.push(["finally", i]);
    }
    log.push(["after try", i]);
  }
  return total;
}

export const create = () => main();
