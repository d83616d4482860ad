// An object literal's computed key is evaluated before its value (and the
// values after it), also when a value yields: a key read from a name that
// the value changes, or through a getter, is read first, as natively.
export const log = [];
// At the second yield `source` (a getter) counts as live: liveness keeps every read in a yield's own statement.
export const snapshotRefusal = [2];

/* @resumable */
export function* main() {
  let x = "a";
  const first = { [x]: (yield 1, (x = "b")) };
  const source = {
    get key() {
      log.push("get key");
      return "k";
    },
  };
  const second = { [source.key]: (log.push("value"), yield 2) };
  let n = 0;
  const third = { [`k${n}`]: yield 3, [n + 1]: ((n = 10), yield 4), plain: n, [n]: "last" };
  return [first, second, third, x];
}

export const create = () => main();
