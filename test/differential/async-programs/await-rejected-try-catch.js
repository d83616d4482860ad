// A rejected await throws where it stands, and a catch around it takes it.
export const log = [];

/* @resumable */
export async function* main() {
  let caught = 0;
  for (let i = 0; i < 3; i++) {
    try {
      log.push(`try ${i}`);
      if (i % 2 === 0) await Promise.reject(new Error(`no ${i}`));
      const v = yield i;
      log.push(`got ${v}`);
    } catch (e) {
      caught++;
      log.push(`caught ${e.message}`);
      const w = yield `after catch ${i}`;
      log.push(`w=${w}`);
    }
  }
  try {
    await Promise.reject(new TypeError("bad"));
  } catch (e) {
    log.push(e.constructor.name);
  }
  return caught;
}

export const create = () => main();
