// next/return/throw called on something that is not a generator throw TypeError.
export const log = [];

/* @resumable */
export function* main() {
  yield "a";
  yield "b";
}

export const create = () => {
  const gen = main();
  for (const method of ["next", "return", "throw"]) {
    for (const receiver of [{}, undefined, [1]]) {
      try {
        gen[method].call(receiver, 1);
        log.push([method, "no error"]);
      } catch (e) {
        log.push([method, e.constructor.name]);
      }
    }
  }
  log.push(["original still usable", gen.next()]);
  return main();
};
