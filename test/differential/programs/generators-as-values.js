// Resumable generator functions passed around as values and called through a variable.
export const log = [];

/* @resumable */
function* letters() {
  yield "a";
  yield "b";
}

/* @resumable */
function* digits() {
  yield 1;
  yield 2;
}

const registry = { letters, digits };

/* @resumable */
export function* main(order) {
  for (const name of order) {
    const fn = registry[name];
    yield* fn();
  }
  return order.length;
}

export const create = () => main(["digits", "letters", "digits"]);
// fn holds a function value (a resumable generator function, but a function
// all the same) at every yield: a runtime may refuse it or save it by its id.
export const snapshotRefusal = "allowed";
