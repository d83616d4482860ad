// A resumable generator object kept in a local and advanced by hand between outer yields.
export const log = [];

/* @resumable */
function* ticker(prefix) {
  let i = 0;
  while (true) {
    const reset = yield `${prefix}${i}`;
    i = reset === "reset" ? 0 : i + 1;
  }
}

/* @resumable */
export function* main() {
  const t = ticker("t");
  const out = [];
  for (let round = 0; round < 4; round++) {
    out.push(t.next(round === 2 ? "reset" : undefined).value);
    yield out.slice();
  }
  log.push(t.return("closed"));
  return out;
}

export const create = () => main();
