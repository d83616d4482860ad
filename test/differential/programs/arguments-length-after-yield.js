// arguments.length and elements read after yields, with fewer and more arguments than parameters.
export const log = [];

/* @resumable */
export function* main(a, b, c) {
  yield arguments.length;
  const second = yield "read after a yield";
  log.push([arguments.length, arguments[0], arguments[1], arguments[2], arguments[3], second]);
  yield Object.prototype.toString.call(arguments);
  return [...arguments];
}

export const create = () => main("only", "two");
