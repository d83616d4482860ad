// After completion next() keeps returning { value: undefined, done: true }; after an uncaught throw too.
export const log = [];

/* @resumable */
export function* main(fail) {
  yield "only";
  if (fail) throw new Error("body failed");
  return "returned once";
}

export const create = () => {
  const finished = main(false);
  log.push([finished.next(), finished.next(), finished.next(), finished.next()]);
  const failed = main(true);
  failed.next();
  try {
    failed.next();
  } catch (e) {
    log.push(["threw", e.message]);
  }
  log.push([failed.next(), failed.return("r"), failed.next()]);
  try {
    failed.throw(new Error("after death"));
  } catch (e) {
    log.push(["throw after done rethrows", e.message]);
  }
  return main(true);
};
