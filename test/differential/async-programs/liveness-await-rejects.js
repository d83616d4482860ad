// `x = await p` where p rejects skips the write: a catch around it reads the
// old value, so the local stays live at the yield before it (through the loop's
// back edge); a finally around the yield keeps it live too.
export const log = [];

const load = (n) => (n === 2 ? Promise.reject(new Error(`no ${n}`)) : Promise.resolve(`r${n}`));

/* @resumable */
export async function* main() {
  let last = "none";
  for (const n of [1, 2, 3]) {
    try {
      last = await load(n);
      log.push(`loaded ${last}`);
    } catch (e) {
      log.push(`failed ${e.message}, last ${last}`);
    }
    yield n;
  }
  let seen = "s";
  try {
    for (let n = 0; n < 3; n++) {
      try {
        yield n;
        seen = await load(n + 1);
        log.push(seen);
      } finally {
        log.push(`finally sees ${seen}`);
      }
    }
  } catch (e) {
    log.push(`caught ${e.message}, seen ${seen}`);
  }
  return [last, seen].join();
}

export const create = () => main();
