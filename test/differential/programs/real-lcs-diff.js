// A line diff: an LCS dynamic-programming table (array of Int32Arrays) filled row by row
// with a yield per row (progress), then a backtrack yielding each edit.
export const log = [];

/* @resumable */
export function* main(a, b) {
  const A = a.split("\n");
  const B = b.split("\n");
  const table = Array.from({ length: A.length + 1 }, () => new Int32Array(B.length + 1));
  for (let i = A.length - 1; i >= 0; i--) {
    for (let j = B.length - 1; j >= 0; j--) {
      table[i][j] = A[i] === B[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
    yield { row: i, best: table[i][0] };
  }
  const edits = [];
  let i = 0, j = 0;
  while (i < A.length || j < B.length) {
    let edit;
    if (i < A.length && j < B.length && A[i] === B[j]) (edit = `  ${A[i]}`), i++, j++;
    else if (j < B.length && (i === A.length || table[i][j + 1] >= table[i + 1][j])) edit = `+ ${B[j++]}`;
    else edit = `- ${A[i++]}`;
    edits.push(edit);
    yield edit;
  }
  log.push(edits.join("\n"));
  return table[0][0];
}

export const create = () => main("a\nb\nc\nd\ne", "a\nc\nd\nx\ne\nf");
