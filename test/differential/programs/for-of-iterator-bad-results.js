// Iterator protocol errors: a next() result that is not an object, and a non-iterable, both raise TypeError.
export const log = [];

const badResult = {
  [Symbol.iterator]() {
    return { next: () => 42 };
  },
};

/* @resumable */
export function* main() {
  try {
    for (const v of badResult) yield v;
  } catch (e) {
    log.push(["bad result", e.constructor.name]);
  }
  yield "between";
  try {
    for (const v of 17) yield v;
  } catch (e) {
    log.push(["not iterable", e.constructor.name]);
  }
  try {
    for (const v of { [Symbol.iterator]: 5 }) yield v;
  } catch (e) {
    log.push(["iterator not callable", e.constructor.name]);
  }
  return "end";
}

export const create = () => main();
