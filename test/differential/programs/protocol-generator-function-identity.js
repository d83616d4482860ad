// The generator function itself: its constructor, its prototype chain, and that it cannot be new'ed.
export const log = [];

/* @resumable */
export function* main() {
  yield 1;
}

function* nativeReference() {}

export const create = () => {
  const GeneratorFunction = Object.getPrototypeOf(nativeReference).constructor;
  const GeneratorPrototype = Object.getPrototypeOf(nativeReference.prototype);
  log.push([
    main.constructor === GeneratorFunction,
    main instanceof GeneratorFunction,
    Object.getPrototypeOf(main) === Object.getPrototypeOf(nativeReference),
    Object.getPrototypeOf(main.prototype) === GeneratorPrototype,
    Object.getPrototypeOf(main()) === main.prototype,
    Object.prototype.toString.call(main),
    Object.keys(main.prototype),
    main.prototype.constructor === undefined,
    Object.getOwnPropertyNames(main).sort(),
  ]);
  try {
    new main();
    log.push("new did not throw");
  } catch (e) {
    log.push(["new", e.constructor.name]);
  }
  return main();
};

// Known difference (README): main.prototype inherits from the runtime Frame prototype, which
// inherits from %GeneratorPrototype%, so there is one more link in the chain.
export const knownDifference = "one more prototype link";
