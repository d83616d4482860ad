// A consumer that receives records through next(value) and errors through throw(err):
// it counts, retries transient errors, and re-throws fatal ones after cleanup.
export const log = [];

class Transient extends Error {}

/* @resumable */
export function* main(limit) {
  let received = 0;
  let errors = 0;
  const buffer = [];
  try {
    while (received < limit) {
      try {
        const item = yield { received, errors, buffered: buffer.length };
        if (item === undefined) continue;
        buffer.push(item);
        received++;
        if (buffer.length === 3) {
          log.push(`flush ${buffer.splice(0).join("+")}`);
        }
      } catch (err) {
        errors++;
        if (err instanceof Transient || errors < 2) {
          log.push(`recovered from ${err?.message ?? String(err)}`);
          continue;
        }
        throw err;
      }
    }
  } finally {
    if (buffer.length) log.push(`final flush ${buffer.join("+")}`);
  }
  return { received, errors };
}

export const create = () => main(7);
export const sends = [undefined, "a", undefined, "b", "c", "d", 0, "", "e", "f", "g"];
