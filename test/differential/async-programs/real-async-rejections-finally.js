// Rejected promises in try/catch/finally: a rejection replaced by another
// in finally, a catch that awaits and rethrows, an error's cause chain.
export const log = [];

const fail = (m) => Promise.reject(new Error(m));

/* @resumable */
export async function* main() {
  try {
    try {
      await fail("first");
    } finally {
      log.push("inner finally");
      yield "in finally";
    }
  } catch (e) {
    log.push(`caught ${e.message}`);
    yield e.message;
  }
  try {
    try {
      await fail("lost");
    } finally {
      await fail("replaces");
    }
  } catch (e) {
    yield `caught ${e.message}`;
  }
  let attempt = 0;
  while (true) {
    try {
      attempt++;
      if (attempt < 3) await fail(`attempt ${attempt}`);
      yield `ok after ${attempt}`;
      break;
    } catch (e) {
      try {
        await Promise.reject(new Error("wrapped", { cause: e }));
      } catch (w) {
        yield `${w.message} <- ${w.cause.message}`;
      }
    }
  }
  await fail("final");
}

export const create = () => main();
