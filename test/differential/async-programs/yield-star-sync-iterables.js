// `yield*` to a resumable sync generator through the async-from-sync
// wrapper: each value is awaited, throw() and return() reach the sync
// generator. (Arrays, strings and Sets have no throw(): a throw() into a
// yield* over them is an ES2025 change V8 11 does not have, see README.)
export const log = [];

/* @resumable */
export function* words() {
  try {
    const got = yield "alpha";
    log.push(`words got ${got}`);
    yield Promise.resolve("beta");
  } catch (e) {
    log.push(`words caught ${e.message}`);
    yield "words recovered";
    return "words done";
  } finally {
    log.push("words finally");
  }
}

/* @resumable */
export async function* main() {
  const result = yield* words();
  log.push(`result=${result}`);
  return result;
}

export const create = () => main();
