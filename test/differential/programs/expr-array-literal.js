// Yields in array literal elements, with holes and a trailing comma.
export const log = [];

/* @resumable */
export function* main() {
  const array = [1, yield "a", , yield "b", 5, ];
  log.push([array.length, 2 in array]);
  const nested = [[yield "inner"], [[yield "deeper"]]];
  return [array, nested];
}

export const create = () => main();
