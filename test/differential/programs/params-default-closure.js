// A default parameter that is a closure over another parameter stays live across yields.
export const log = [];

/* @resumable */
export function* main(n, read = () => n) {
  yield read();
  n = yield "change n";
  yield read();
  return read();
}

export const create = () => main(1);
export const snapshotRefusal = true;

