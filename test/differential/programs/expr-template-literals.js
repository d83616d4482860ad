// Yields inside template literal substitutions, including nested templates and no-argument yields.
export const log = [];

/* @resumable */
export function* main() {
  const a = `start ${yield "one"} middle ${yield "two"} end`;
  const b = `outer ${`inner ${yield "nested"}`} ${yield}`;
  const c = `${yield "only"}`;
  log.push([a, b, c]);
  return a + "|" + b + "|" + c;
}

export const create = () => main();
export const sends = [undefined, "A", { toString: undefined, valueOf: undefined } === null ? 0 : 7, "N", "E", null];
