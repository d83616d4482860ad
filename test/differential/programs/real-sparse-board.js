// A sparse game board: an array with holes grown by index writes, length truncation,
// delete, and holes checked with `in` across yields.
export const log = [];

/* @resumable */
export function* main() {
  const board = [];
  board[3] = "knight";
  board[10] = "king";
  yield board.length;
  const move = yield "move?";
  const target = typeof move === "number" ? move % 15 : 5;
  board[target] = board[3];
  delete board[3];
  yield [3 in board, target in board, board.length];
  const occupied = [];
  board.forEach((piece, i) => occupied.push(`${i}=${piece}`));
  yield occupied;
  board.length = 8;
  const filled = Array.from(board, (x) => x ?? ".").join("");
  const copy = [...board];
  log.push(filled, copy.length, Object.keys(board));
  return board.findLastIndex((x) => x !== undefined);
}

export const create = () => main();
export const sends = [undefined, 1, 12, 3];
