// Elisions (holes) in array patterns skip elements, including of a yielded array.
export const log = [];

/* @resumable */
export function* main() {
  const [, second, , fourth] = yield "array please";
  let a, b;
  [, a, , b] = [1, 2, 3, 4, 5];
  const [, , ...fromThird] = "abcdef";
  const [] = [yield "empty pattern still iterates"];
  log.push([second, fourth, a, b, fromThird]);
  return [second, fourth];
}

export const create = () => main();
export const sends = [undefined, ["w", "x", "y", "z"], 0];
