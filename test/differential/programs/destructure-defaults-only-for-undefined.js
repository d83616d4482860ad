// Defaults apply to undefined only: null, 0, "" and false are kept.
export const log = [];

/* @resumable */
export function* main() {
  const results = [];
  for (const value of [undefined, null, 0, "", false]) {
    const { v = yield `default needed for ${String(value)}` } = { v: value };
    results.push(v);
  }
  log.push(results);
  return results;
}

export const create = () => main();
