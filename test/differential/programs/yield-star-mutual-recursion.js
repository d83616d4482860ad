// Two resumable generators delegating to each other.
export const log = [];

/* @resumable */
function* even(n) {
  yield `even ${n}`;
  if (n === 0) return "even reached zero";
  return yield* odd(n - 1);
}

/* @resumable */
function* odd(n) {
  yield `odd ${n}`;
  if (n === 0) return "odd reached zero";
  return yield* even(n - 1);
}

/* @resumable */
export function* main() {
  const a = yield* even(4);
  const b = yield* odd(2);
  return [a, b];
}

export const create = () => main();
