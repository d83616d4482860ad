// throw() with undefined, a string and an object: the catch gets exactly that value.
export const log = [];

/* @resumable */
export function* main() {
  for (let i = 0; i < 4; i++) {
    try {
      yield i;
    } catch (e) {
      log.push(["caught", typeof e, e === undefined ? "undefined" : e]);
    }
  }
  return "end";
}

export const create = () => {
  const gen = main();
  gen.next();
  log.push(gen.throw(undefined));
  log.push(gen.throw("a string"));
  log.push(gen.throw({ kind: "object" }));
  return main();
};
