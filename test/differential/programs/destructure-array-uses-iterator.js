// An array pattern in a statement with a yield (lowered, then copied by the runtime's destructureArray)
// steps the value's own iterator as native destructuring does: an array subclass's iterator, a Map's,
// only as many steps as the pattern takes, then return() on an iterator that is not done.
export const log = [];

class Reversed extends Array {
  *[Symbol.iterator]() {
    for (let i = this.length - 1; i >= 0; i--) yield this[i];
  }
}

function counted(limit) {
  let i = 0;
  return {
    [Symbol.iterator]() {
      log.push("counted: iterator");
      return this;
    },
    next() {
      log.push(`counted: next ${i}`);
      return i < limit ? { value: i++, done: false } : { value: undefined, done: true };
    },
    return() {
      log.push("counted: return");
      return { done: true };
    },
  };
}

/* @resumable */
export function* main() {
  const [a, b] = (yield "reversed", Reversed.of(1, 2, 3));
  log.push(["reversed", a, b]);
  const [x, y] = (yield "counted", counted(5));
  log.push(["counted", x, y]);
  const [head, ...tail] = (yield "rest", counted(3));
  log.push(["rest", head, tail]);
  const [[k, v], second] = (yield "map", new Map([[1, "one"], [2, "two"], [3, "three"]]));
  log.push(["map", k, v, second]);
  const [p = yield "default", q] = (yield "array", [undefined, "q"]);
  log.push(["defaults", p, q]);
  const [] = (yield "empty", counted(2));
  let m, n;
  [m, , n] = yield "assigned";
  return [m, n];
}

export const create = () => main();
export const sends = [undefined, 1, 2, 3, 4, 5, "p", 7, ["m", "skipped", "n"]];
