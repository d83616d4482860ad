// `return p` awaits p inside the generator: a rejection is caught by a catch
// around the return, and finally blocks see it.
export const log = [];

/* @resumable */
export async function* main(mode) {
  yield "first";
  try {
    if (mode === 0) return Promise.reject(new Error("rejected return"));
    return Promise.resolve("fine");
  } catch (e) {
    log.push(`caught ${e.message}`);
    yield "recovered";
    return await Promise.resolve("after recovery");
  } finally {
    log.push("finally");
  }
}

export const create = () => main(0);
