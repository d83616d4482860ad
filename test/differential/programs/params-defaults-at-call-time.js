// Default parameters are evaluated when the generator is called, before the first next().
export const log = [];

function tick(label, value) {
  log.push(["default evaluated", label]);
  return value;
}

/* @resumable */
export function* main(a = tick("a", 1), b = tick("b", a + 1), c = tick("c", b * 10)) {
  log.push("body started");
  yield [a, b, c];
  return a + b + c;
}

export const create = () => {
  log.push("calling");
  const gen = main(undefined, 5);
  log.push("called");
  return gen;
};
