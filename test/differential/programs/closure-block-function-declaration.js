// In strict code a function declared in a block is scoped to that block.
export const log = [];

/* @resumable */
export function* main() {
  {
    function inBlock() {
      return "inside";
    }
    yield inBlock();
    log.push(typeof inBlock);
  }
  log.push(["outside", typeof inBlock]);
  yield "outside the block";
  return "end";
}

export const create = () => main();
// inBlock is live at the first yield only.
export const snapshotRefusal = "allowed";
