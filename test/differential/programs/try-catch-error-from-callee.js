// Errors thrown by called functions and by a delegate generator, caught in main.
export const log = [];

function validate(n) {
  if (n > 2) throw new Error(`too big: ${n}`);
  return n;
}

/* @resumable */
function* checker(n) {
  yield `checking ${n}`;
  validate(n);
  return `ok ${n}`;
}

/* @resumable */
export function* main() {
  const results = [];
  for (let n = 1; n <= 4; n++) {
    try {
      results.push(yield* checker(n));
    } catch (e) {
      results.push(e.message);
    }
  }
  log.push(results);
  return results.length;
}

export const create = () => main();
