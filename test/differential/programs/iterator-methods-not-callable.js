// Iterators whose return or throw is there but not callable: closing a
// for…of over one fails with V8's TypeError, "number 5 is not a function",
// as the spec's Call does; so does a yield* into one that gets a throw() or
// a return() (the drivers inject both at every yield), whose message V8
// words by the expression around it (README: only its class is logged).
export const log = [];
// A custom iterator being iterated or delegated to cannot be saved.
export const snapshotRefusal = "allowed";

const twoItems = (methods) => {
  let left = 2;
  return {
    [Symbol.iterator]() {
      return this;
    },
    next: () => (left-- > 0 ? { value: "item", done: false } : { value: "finished", done: true }),
    ...methods,
  };
};

/* @resumable */
export function* main() {
  for (const returns of [5, "str", true, {}]) {
    try {
      for (const item of twoItems({ return: returns })) {
        yield item;
        break;
      }
    } catch (error) {
      log.push(`${error.constructor.name}: ${error.message}`);
    }
  }
  const delegate = twoItems({ throw: 5, return: "no" });
  try {
    log.push(yield* delegate);
  } catch (error) {
    log.push(error.constructor.name);
  }
  return "end";
}

export const create = () => main();
