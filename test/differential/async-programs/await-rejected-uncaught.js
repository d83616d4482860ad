// A rejected await nobody catches ends the generator: next() rejects.
export const log = [];

/* @resumable */
export async function* main() {
  yield 1;
  log.push("before");
  try {
    yield 2;
    await Promise.reject(new Error("boom"));
    log.push("not reached");
  } finally {
    log.push("finally runs");
  }
  yield 3;
}

export const create = () => main();
