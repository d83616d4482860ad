// Rest parameters collect the remaining arguments into a real array.
export const log = [];

/* @resumable */
export function* main(first, ...rest) {
  yield [first, rest, Array.isArray(rest)];
  rest.push(yield "push into rest");
  log.push(rest);
  return rest.length;
}

export const create = () => main("a", "b", "c");
