// Yields as property values keep the literal's key order and evaluate left to right.
export const log = [];

/* @resumable */
export function* main() {
  let counter = 0;
  const object = {
    first: ++counter,
    second: yield "second",
    third: ++counter,
    fourth: yield "fourth",
    first: "first again",
  };
  log.push(Object.keys(object), counter);
  const shorthand = { counter, object };
  return shorthand;
}

export const create = () => main();
