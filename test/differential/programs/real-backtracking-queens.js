// N-queens by backtracking: a recursive resumable generator via yield* over an
// array of column positions mutated in place, yielding each solution (copied).
export const log = [];

/* @resumable */
function* place(cols, row, n, stats) {
  if (row === n) {
    stats.solutions++;
    yield cols.slice();
    return;
  }
  for (let c = 0; c < n; c++) {
    stats.tries++;
    let ok = true;
    for (let r = 0; r < row; r++) {
      if (cols[r] === c || Math.abs(cols[r] - c) === row - r) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    cols[row] = c;
    yield* place(cols, row + 1, n, stats);
    cols.length = row;
  }
}

/* @resumable */
function* permutations(items, k) {
  if (k <= 1) {
    yield items.join("");
    return;
  }
  for (let i = 0; i < k - 1; i++) {
    yield* permutations(items, k - 1);
    const j = k % 2 === 0 ? i : 0;
    [items[j], items[k - 1]] = [items[k - 1], items[j]];
  }
  yield* permutations(items, k - 1);
}

/* @resumable */
export function* main(n) {
  const stats = { tries: 0, solutions: 0 };
  const found = [];
  for (const solution of place([], 0, n, stats)) {
    found.push(solution.join(""));
    yield solution;
  }
  yield* permutations(["a", "b", "c"], 3);
  log.push(stats, found);
  return found.length;
}

export const create = () => main(5);
