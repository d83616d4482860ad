// Matrix scanning with labeled loops: find rows, skip columns with continue outer,
// early exit with a labeled block, and a spiral traversal yielding each cell.
export const log = [];

/* @resumable */
export function* main(grid) {
  const found = [];
  rows: for (let r = 0; r < grid.length; r++) {
    for (let c = 0; c < grid[r].length; c++) {
      const cell = grid[r][c];
      if (cell < 0) continue rows;
      if (cell === 0) break rows;
      if (cell % 2 === 0) {
        const keep = yield [r, c, cell];
        if (keep === "skip-row") continue rows;
        found.push(cell);
      }
    }
  }
  check: {
    if (found.length === 0) break check;
    yield `found ${found.length}`;
  }
  let top = 0, bottom = grid.length - 1, left = 0, right = grid[0].length - 1;
  const spiral = [];
  while (top <= bottom && left <= right) {
    for (let c = left; c <= right; c++) spiral.push(grid[top][c]);
    top++;
    for (let r = top; r <= bottom; r++) spiral.push(grid[r][right]);
    right--;
    if (top <= bottom) {
      for (let c = right; c >= left; c--) spiral.push(grid[bottom][c]);
      bottom--;
    }
    if (left <= right) {
      for (let r = bottom; r >= top; r--) spiral.push(grid[r][left]);
      left++;
    }
    yield spiral.length;
  }
  log.push(found, spiral);
  return spiral.join(",");
}

export const create = () => main([[1, 2, 4, 5], [6, -1, 8, 9], [10, 12, 3, 0], [14, 16, 18, 20]]);
export const sends = [undefined, 1, "skip-row", 3, 4, 5, 6];
