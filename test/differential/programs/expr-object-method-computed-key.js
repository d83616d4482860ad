// Object-literal methods, getters, setters and generator methods whose computed keys yield, next to
// plain properties: source order, the methods' names and their method-ness (no prototype, not constructible).
export const log = [];

/* @resumable */
export function* main() {
  let stored = "unset";
  const object = {
    first: "first",
    [yield "method key"](x) {
      return `method(${x})`;
    },
    get [yield "getter key"]() {
      return `got ${stored}`;
    },
    set [yield "setter key"](value) {
      stored = value;
    },
    *[yield "generator key"]() {
      yield "inner";
    },
    async [yield "async key"]() {
      return 1;
    },
    [Symbol.for("tag")]: "symbol",
    last: yield "last value",
  };
  const describe = (key) => {
    const d = Object.getOwnPropertyDescriptor(object, key);
    const fn = d.value ?? d.get ?? d.set;
    return [key, fn.name, Object.hasOwn(fn, "prototype"), typeof d.get, typeof d.set];
  };
  log.push(Object.keys(object), ["run", "size", "size2", "gen", "later"].map(describe));
  object.size2 = "set";
  log.push(object.size, object.run(3), [...object.gen()]);
  let constructed;
  try {
    new object.run(1);
    constructed = true;
  } catch (error) {
    constructed = error.constructor.name;
  }
  log.push(constructed);
  return object.last;
}

export const create = () => main();
export const sends = [undefined, "run", "size", "size2", "gen", "later", "the end"];
// Until the literal is complete, the methods made so far are temporaries: closures, which a snapshot refuses.
export const snapshotRefusal = [2, 3, 4, 5, 6];
