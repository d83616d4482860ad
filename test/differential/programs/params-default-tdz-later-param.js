// A default that refers to a later parameter throws ReferenceError at call time.
export const log = [];

/* @resumable */
export function* main(a = b, b = 1) {
  yield [a, b];
}

export const create = () => {
  const ok = main(0);
  log.push(ok.next().value);
  return main();
};
