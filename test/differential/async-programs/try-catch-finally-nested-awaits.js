// Nested try/catch/finally with awaits in every block, rethrows, and a
// finally that replaces the completion it was running for.
export const log = [];

const fail = (message) => Promise.reject(new Error(message));

/* @resumable */
export async function* main() {
  try {
    try {
      await fail("inner");
    } catch (e) {
      log.push(`inner catch ${e.message}`);
      await null;
      yield "in inner catch";
      throw new Error(`re-${e.message}`);
    } finally {
      log.push("inner finally");
      await Promise.resolve();
      yield "in inner finally";
    }
  } catch (e) {
    log.push(`outer catch ${e.message}`);
    try {
      yield await fail("in catch");
    } catch (again) {
      log.push(`caught again ${again.message}`);
    }
  } finally {
    log.push("outer finally");
  }
  const result = await (async () => {
    try {
      return "inner return";
    } finally {
      log.push("arrow finally");
    }
  })();
  yield result;
  for (let i = 0; i < 2; i++) {
    try {
      if (i === 1) return "returned";
      yield `loop ${i}`;
    } finally {
      await i;
      log.push(`loop finally ${i}`);
      if (i === 1) {
        yield "replaces the return?";
      }
    }
  }
}

export const create = () => main();
