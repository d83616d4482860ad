// `yield*` to another resumable async generator: values pass through as they
// are, sent values and throw()/return() are forwarded, the inner return value
// is the value of the `yield*`, and a snapshot inside saves both frames.
export const log = [];

/* @resumable */
export async function* inner(tag) {
  try {
    const a = yield `${tag}1`;
    log.push(`${tag} got ${a}`);
    await null;
    const b = yield `${tag}2`;
    log.push(`${tag} got ${b}`);
    return `${tag} result`;
  } catch (e) {
    log.push(`${tag} caught ${e instanceof Error ? e.message : e}`);
    yield `${tag} recovered`;
    return "after catch";
  } finally {
    log.push(`${tag} finally`);
    await Promise.resolve();
    log.push(`${tag} finally done`);
  }
}

/* @resumable */
export async function* main() {
  const first = yield* inner("x");
  log.push(`first=${first}`);
  try {
    const second = yield* inner("y");
    log.push(`second=${second}`);
  } finally {
    log.push("main finally");
  }
  const third = yield* (async function* () {})();
  log.push(`third=${third}`);
  return first;
}

export const create = () => main();
// Delegating to the anonymous native async generator never suspends, so
// every suspension point can be saved.
