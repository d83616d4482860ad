// A named generator expression that calls itself by name: the recursion
// works, and the name inside answers to the expression's name and is a
// generator function to reflection (it is a twin of the expression, so
// identity with the outer value is not compared here: a documented difference).
export const log = [];

const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;

export const countdown = /* @resumable */ function* walk(n) {
  log.push(["inner name", walk.name, walk.length, walk instanceof GeneratorFunction]);
  if (n > 0) {
    yield n;
    yield* walk(n - 1);
  }
  return "bottom";
};

export const create = () => countdown(3);
