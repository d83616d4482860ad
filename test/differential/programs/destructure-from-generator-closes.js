// Array destructuring from a resumable generator closes it (its finally runs) unless a rest drains it.
export const log = [];

/* @resumable */
function* numbers(label) {
  try {
    for (let i = 1; i <= 5; i++) {
      log.push([label, "yield", i]);
      yield i;
    }
  } finally {
    log.push([label, "finally"]);
  }
}

/* @resumable */
export function* main() {
  const [a, b] = numbers("pair");
  yield [a, b];
  const [first, ...others] = numbers("rest");
  yield [first, others];
  const [] = numbers("empty");
  yield "empty pattern";
  let x, y;
  [x, , y] = numbers("assignment");
  return [x, y];
}

export const create = () => main();
