// A counting for loop; the sent values are summed across yields.
export const log = [];

/* @resumable */
export function* main(start, end) {
  let total = 0;
  for (let i = start; i < end; i++) {
    const got = yield i;
    total += got;
    log.push(["got", i, got]);
  }
  log.push(["total", total]);
  return total;
}

export const create = () => main(1, 5);
