// Breaking out of for-of over a custom iterable calls its return() (logged); exhausting it does not.
export const log = [];

function makeIterable(limit, name) {
  return {
    [Symbol.iterator]() {
      let i = 0;
      log.push(`${name}: iterator created`);
      return {
        next(arg) {
          log.push([`${name}: next`, arg]);
          return i < limit ? { value: i++, done: false } : { value: "ignored", done: true };
        },
        return(arg) {
          log.push([`${name}: return`, arg]);
          return { done: true };
        },
      };
    },
  };
}

/* @resumable */
export function* main() {
  for (const v of makeIterable(5, "first")) {
    yield v;
    if (v === 2) break;
  }
  for (const v of makeIterable(2, "second")) {
    yield v;
  }
  return "end";
}

export const create = () => main();
export const snapshotRefusal = true;
