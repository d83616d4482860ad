// In strict code arguments is unmapped: writing a parameter does not change arguments and vice versa.
export const log = [];

/* @resumable */
export function* main(p, q) {
  p = "changed param";
  arguments[1] = "changed arguments";
  yield [p, q, arguments[0], arguments[1]];
  log.push([arguments.length, arguments[4]]);
  return Array.prototype.slice.call(arguments, 2);
}

export const create = () => main(1, 2, 3, 4, 5);
