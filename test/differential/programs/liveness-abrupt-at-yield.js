// throw() at a yield goes to the catch around it, return() runs the finally
// blocks around it: a local they read stays live at the yield, even though
// the straight path from the yield writes it before reading it.
export const log = [];

/* @resumable */
export function* main() {
  let current = "none";
  let other = "o";
  try {
    for (let n = 0; n < 3; n++) {
      try {
        yield n;
        current = `c${n}`;
        log.push(current);
        other = `o${n}`;
        log.push(other);
      } finally {
        log.push(`finally sees ${current}`);
      }
    }
  } catch (e) {
    log.push(`caught ${e}, other ${other}`);
  }
  return current;
}

export const create = () => main();
