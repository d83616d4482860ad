// length and name of resumable generator functions of every shape.
export const log = [];

/* @resumable */
export function* main(a, b = 1, c) {
  yield "main";
}

/* @resumable */
function* withRest(a, b, ...rest) {}

/* @resumable */
function* withPattern({ a }, [b]) {}

export const expression = /* @resumable */ function* () {};
export const namedExpression = /* @resumable */ function* innerName(x) {};

export const holder = {
  /* @resumable */
  *method(x, y) {},
  /* @resumable */
  *["computed" + "Name"]() {},
  /* @resumable */
  *[Symbol.iterator]() {},
};

class Shapes {
  /* @resumable */
  *instanceGen(a) {}
  /* @resumable */
  static *staticGen(a, b, c, d) {}
}

function describe(fn) {
  return [fn.name, fn.length, typeof fn];
}

export const create = () => {
  log.push(
    describe(main),
    describe(withRest),
    describe(withPattern),
    describe(expression),
    describe(namedExpression),
    describe(holder.method),
    describe(holder.computedName),
    describe(holder[Symbol.iterator]),
    describe(Shapes.prototype.instanceGen),
    describe(Shapes.staticGen),
  );
  return main();
};
