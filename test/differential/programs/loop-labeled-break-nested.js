// A labeled break leaves two loops at once.
export const log = [];

/* @resumable */
export function* main(rows, cols) {
  let visited = 0;
  outer: for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      visited++;
      const sent = yield [r, c];
      if (sent === 50) break outer;
      if (c === 1) break;
    }
    log.push(["row done", r]);
  }
  log.push(["visited", visited]);
  return visited;
}

export const create = () => main(4, 3);
