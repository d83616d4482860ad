// A local holding a promise, written before every read (`pending = load(x);
// yield await pending;`), is dead at the yield: the snapshot at every
// suspension point succeeds.
export const log = [];

const load = (url) => Promise.resolve(`body of ${url}`);

/* @resumable */
export async function* main(urls) {
  let pending;
  for (const url of urls) {
    pending = load(url);
    yield await pending;
  }
  // The promise is awaited, then two yields: still dead at both.
  for (let n = 0; n < 2; n++) {
    pending = load(`n${n}`);
    const body = await pending;
    log.push(body);
    yield n;
    yield body;
  }
  // Written by an await: the value, not a promise, but the same rule.
  let result;
  for (let n = 0; n < 2; n++) {
    result = await load(`r${n}`);
    yield result.length;
  }
  return urls.length;
}

export const create = () => main(["a", "b", "c"]);
