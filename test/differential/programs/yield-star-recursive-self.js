// Recursion through yield* main itself (counting down), with a finally at each level.
export const log = [];

/* @resumable */
export function* main(n) {
  try {
    yield `enter ${n}`;
    if (n > 0) {
      const below = yield* main(n - 1);
      yield `back at ${n} with ${below}`;
    }
    return n * 2;
  } finally {
    log.push(["leave", n]);
  }
}

export const create = () => main(3);
