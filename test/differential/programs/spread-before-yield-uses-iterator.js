// A spread followed by a yield in the same list is copied before the yield, through the value's
// iterator as natively: an array subclass with its own iterator is read in its order, holes are
// undefined, and the iterator's steps run before the yield.
export const log = [];

class Reversed extends Array {
  *[Symbol.iterator]() {
    for (let i = this.length - 1; i >= 0; i--) yield this[i];
  }
}

function counted(values) {
  return {
    [Symbol.iterator]() {
      let i = 0;
      return {
        next() {
          log.push(`step ${i}`);
          return i < values.length ? { value: values[i++], done: false } : { value: undefined, done: true };
        },
      };
    },
  };
}

const pair = (...items) => items;

/* @resumable */
export function* main() {
  const reversed = [...Reversed.from([1, 2, 3]), yield "array"];
  log.push(reversed);
  const holes = [...[, "b"], yield "holes"];
  log.push(holes.length, 0 in holes);
  const args = pair(...counted(["x", "y"]), yield "call");
  log.push(args);
  try {
    log.push([...5, yield "never"]);
  } catch (error) {
    log.push(error.constructor.name);
  }
  return "end";
}

export const create = () => main();
