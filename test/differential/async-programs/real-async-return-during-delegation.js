// Cancellation while delegating: return() forwarded through yield* to a
// resumable inner generator whose finally awaits, yields, and overrides
// the return value; the outer finally awaits cleanup too.
export const log = [];

/* @resumable */
export async function* download(name, chunks) {
  let received = 0;
  try {
    for (let i = 0; i < chunks; i++) {
      await null;
      received++;
      yield `${name} chunk ${i}`;
    }
    return `${name} complete`;
  } finally {
    log.push(`${name} abort after ${received}`);
    await Promise.resolve();
    if (received === 2) {
      const ack = yield `${name} partial cleanup`;
      log.push(`ack ${ack}`);
    }
    if (received === 1) return `${name} overridden`;
  }
}

/* @resumable */
export async function* main() {
  const results = [];
  try {
    results.push(yield* download("f1", 3));
    results.push(yield* download("f2", 2));
  } finally {
    await null;
    log.push(`results ${results.join(",")}`);
  }
  return results.length;
}

export const create = () => main();
