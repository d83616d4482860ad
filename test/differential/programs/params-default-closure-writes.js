// Closures made by parameter defaults write the parameters (an assignment, an
// update, array and object patterns): the body sees each write, and the
// closures see the body's, as natively, where parameters and body share one
// binding each.
export const log = [];
// The closures are live at every yield.
export const snapshotRefusal = true;

/* @resumable */
export function* main(
  x,
  set = (v) => {
    x = v;
  },
  bump = () => x++,
  scale = () => {
    [x] = [x * 10];
  },
  reset = () => ({ x } = { x: -1 }),
) {
  yield x;
  set(5);
  yield x;
  log.push(bump());
  yield x;
  scale();
  yield x;
  reset();
  yield x;
  x = (yield "x?") ?? 7;
  set(x + 1);
  return x;
}

export const create = () => main(1);
