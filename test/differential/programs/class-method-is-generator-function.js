// A class's resumable generator methods are GeneratorFunctions to reflection
// (prototype chain, toString tag, an own `prototype`), static, string-keyed,
// well-known-symbol-keyed and static private ones included.
export const log = [];

const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;

class Shapes {
  /* @resumable */
  *plain(n) {
    yield n;
  }
  /* @resumable */
  static *shared() {
    yield "static";
  }
  /* @resumable */
  *"spaced key"() {
    yield "string key";
  }
  /* @resumable */
  *[Symbol.iterator]() {
    yield "iterable";
  }
  /* @resumable */
  static *#hidden() {
    yield "static private";
  }
  static hidden() {
    return Shapes.#hidden;
  }
}

function reflect(fn) {
  return [
    fn.name,
    fn.length,
    fn instanceof GeneratorFunction,
    Object.prototype.toString.call(fn),
    Object.getOwnPropertyNames(fn).sort().join(","),
    Object.getPrototypeOf(fn()) === fn.prototype,
  ];
}

/* @resumable */
export function* main() {
  // The methods are only used before the first yield: a snapshot cannot hold a function.
  const names = [
    Shapes.prototype.plain,
    Shapes.shared,
    Shapes.prototype["spaced key"],
    Shapes.prototype[Symbol.iterator],
    Shapes.hidden(),
  ].map((fn) => {
    log.push(reflect(fn));
    return fn.name;
  });
  for (const name of names) yield name;
  yield [...new Shapes()];
}

export const create = () => main();
