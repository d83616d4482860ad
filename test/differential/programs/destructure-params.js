// Destructured parameters with defaults, evaluated at call time in order.
export const log = [];

function note(what, value) {
  log.push(["default evaluated", what]);
  return value;
}

/* @resumable */
export function* main({ a, b = note("b", a * 2) }, [c, d = note("d", c + 1)] = note("array param", [5]), ...[e, f]) {
  yield [a, b];
  yield [c, d];
  return [e, f];
}

export const create = () => main({ a: 3 }, undefined, "e", "f");
