// Callbacks (map, filter, sort, reduce) run entirely between two yields.
export const log = [];

/* @resumable */
export function* main() {
  let data = [5, 3, 8, 1];
  data = data.map((x) => x * 3).filter((x) => x % 2 === 1);
  yield data;
  const factor = yield "factor";
  data = data.map((x) => x * factor).sort((a, b) => b - a);
  yield data;
  const sum = data.reduce((acc, x) => acc + x, 0);
  log.push(sum);
  return sum;
}

export const create = () => main();
