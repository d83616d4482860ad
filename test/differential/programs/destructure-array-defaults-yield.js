// Array destructuring whose element defaults yield; the iterator stays open across the yields.
export const log = [];

/* @resumable */
export function* main() {
  const [x = yield "x default", y = yield "y default", z = "z default"] = [undefined, 2];
  log.push([x, y, z]);
  let p, q;
  [p = yield "p default", q] = [undefined, "q"];
  return [x, y, z, p, q];
}

export const create = () => main();
export const snapshotRefusal = "allowed"; // an array iterator is live across the yields
