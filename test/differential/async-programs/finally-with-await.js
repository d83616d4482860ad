// Awaits inside finally blocks, on every way out of the try.
export const log = [];

/* @resumable */
export async function* main(n) {
  for (let i = 0; i < n; i++) {
    try {
      log.push(`body ${i}`);
      const got = yield i;
      if (got === 20) break;
      if (got === 30) continue;
    } finally {
      log.push(`finally ${i} start`);
      const v = await Promise.resolve(i * 100);
      log.push(`finally ${i} awaited ${v}`);
      await null;
      log.push(`finally ${i} end`);
    }
  }
  try {
    yield "outer";
    return "from try";
  } finally {
    await Promise.resolve();
    log.push("last finally");
  }
}

export const create = () => main(5);
