// A chain of yield* across three resumable async generators, with return
// values flowing back up, throw() forwarded down and caught in the middle.
export const log = [];

/* @resumable */
export async function* leaf(tag) {
  try {
    const a = yield `${tag} a`;
    await null;
    const b = yield `${tag} b`;
    return `${tag}:${a}+${b}`;
  } finally {
    await Promise.resolve();
    log.push(`leaf ${tag} finally`);
  }
}

/* @resumable */
export async function* middle() {
  const results = [];
  for (const tag of ["L1", "L2"]) {
    try {
      results.push(yield* leaf(tag));
    } catch (e) {
      log.push(`middle caught ${e.message}`);
      results.push(`err ${tag}`);
      yield `recovered ${tag}`;
    }
  }
  return results;
}

/* @resumable */
export async function* main() {
  const r = yield* middle();
  yield r.join(" ");
  const again = yield* leaf("L3");
  return again;
}

export const create = () => main();
