// Spread of yielded values in array literals: arrays, strings, Sets, and a non-iterable (TypeError).
export const log = [];

/* @resumable */
export function* main() {
  const a = [0, ...(yield "spread me"), 9];
  const b = [...(yield "a string"), ...(yield "a set")];
  log.push(a, b);
  try {
    const c = [...(yield "not iterable")];
    log.push(c);
  } catch (e) {
    log.push(["spread failed", e.constructor.name]);
  }
  return [a, b];
}

export const create = () => main();
export const sends = [undefined, [1, 2, 3], "h😀", new Set([4, 5]), 12];
