// o[yield] = yield: the object, then the key, then the right side are evaluated in that order.
export const log = [];

/* @resumable */
export function* main() {
  const o = {};
  o[yield "key"] = yield "value";
  const arr = [0, 0, 0];
  let i = 0;
  arr[i++] = yield "arr value";
  arr[(yield "index")] = i;
  let target = o;
  target.prop = ((target = { other: true }), yield "assign prop");
  log.push(o, arr, target);
  return o;
}

export const create = () => main();
export const sends = [undefined, "k", "v", "a0", 2, "p"];
