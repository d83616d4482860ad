// Yields in new expressions: constructor arguments and the constructor expression itself.
export const log = [];

class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
    log.push(["constructed", x, y]);
  }
}

/* @resumable */
export function* main() {
  const p = new Point(yield "x", yield "y");
  const q = new ((yield "pick class"), Point)(1, 2);
  const d = new Date(yield "time");
  const arr = new Array(yield "array length");
  log.push([p.x, p.y, q.x, d.getTime(), arr.length]);
  return [p, q];
}

export const create = () => main();
export const sends = [undefined, 3, 4, "ignored", 86400000, 2];
// A class instance and the constructor are held across yields.
export const snapshotRefusal = "allowed";
