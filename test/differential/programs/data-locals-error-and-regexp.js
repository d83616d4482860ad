// An Error and a RegExp with lastIndex state held in locals across yields.
export const log = [];

/* @resumable */
export function* main() {
  const error = new RangeError("kept");
  const pattern = /o/g;
  const text = "foo boo";
  const hits = [];
  let match;
  while ((match = pattern.exec(text)) !== null) {
    hits.push(match.index);
    yield pattern.lastIndex;
  }
  log.push([error.message, error instanceof RangeError, hits]);
  return hits;
}

export const create = () => main();
export const snapshotRefusal = "allowed"; // Error and RegExp objects may or may not be saved
