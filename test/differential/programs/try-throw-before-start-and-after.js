// A generator whose body starts with try/finally: throw() before start skips the body entirely.
export const log = [];

/* @resumable */
export function* main() {
  log.push("body started");
  try {
    yield 1;
    yield 2;
  } catch (e) {
    log.push(["caught", e instanceof Error ? e.message : e]);
    yield "after catch";
  } finally {
    log.push("finally");
  }
  return "end";
}

export const create = () => {
  const probe = main();
  try {
    probe.throw(new Error("before start"));
  } catch (e) {
    log.push(["probe threw", e.message]);
  }
  log.push(["probe after", probe.next()]);
  return main();
};
