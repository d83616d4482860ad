// A labeled continue skips the rest of an inner loop and of the outer body.
export const log = [];

/* @resumable */
export function* main() {
  const seen = [];
  outer: for (let a = 0; a < 3; a++) {
    let b = 0;
    while (b < 3) {
      b++;
      if (a === 1 && b === 2) continue outer;
      seen.push(`${a}.${b}`);
      yield seen.length;
    }
    log.push(["outer tail", a]);
  }
  return seen;
}

export const create = () => main();
