// throw(e) before the first next() throws e out at once: the body's catch never sees it.
export const log = [];

/* @resumable */
export function* main() {
  try {
    log.push("body ran");
    yield 1;
  } catch (e) {
    log.push("catch ran");
  }
}

export const create = () => {
  const gen = main();
  try {
    gen.throw(new Error("before start"));
  } catch (e) {
    log.push(["thrown out", e.message]);
  }
  log.push(["next after", gen.next()]);
  return main();
};
