// A function declaration in the body is callable before its line, and captures the generator's locals.
export const log = [];

/* @resumable */
export function* main(base) {
  let factor = 2;
  log.push(["before declaration", helper(1)]);
  yield helper(2);
  factor = yield "new factor";
  yield helper(3);
  function helper(x) {
    return [x, base, x * factor];
  }
  return helper(4);
}

export const create = () => main(100);
export const snapshotRefusal = true;
