// A spreadsheet recalculation where formulas ask for missing inputs through yields placed
// inside expressions: member updates with computed keys, compound assignment to getters
// of a module-level class, optional chaining with a yielded key, ?? with yields, yields in
// call and `new` arguments with spread, and yields in a for header's update clause.
export const log = [];

class Cell {
  constructor(v) {
    this._v = v;
    this.reads = 0;
  }
  get value() {
    this.reads++;
    log.push(`read ${this._v}`);
    return this._v;
  }
  set value(v) {
    log.push(`write ${v}`);
    this._v = v;
  }
}

/* @resumable */
export function* main() {
  const cells = { A1: new Cell(1), A2: new Cell(2) };
  const missing = null;
  let i = 0;
  const order = [];
  const key = () => (order.push(`key${i}`), i % 2 === 0 ? "A1" : "A2");
  cells[key()].value += yield "delta for A1";
  const before = i;
  const arr = [10, 20, 30];
  arr[i++] = yield "first slot";
  const maybe = missing?.[yield "never asked"];
  const fallback = cells.A3?.value ?? (yield "A3 default");
  const max = Math.max(...arr, yield "extra number", ...[fallback]);
  const when = new Date(Date.UTC(2024, yield "month", 1));
  const parts = (yield "csv").split(",").map((s) => s.trim());
  for (let r = 0; r < 2; r++, order.push(yield `row ${r} done`)) {
    order.push(`row ${r}`);
  }
  log.push({ before, arr, maybe, fallback, max, month: when.getUTCMonth(), parts, order, reads: cells.A1.reads });
  return cells.A1.value + cells.A2.value;
}

export const create = () => main();
export const sends = [undefined, 5, 7, 0, 99, 3, " a, b ,c", "r0", "r1"];
// the Cell instances are of an unregistered class
export const snapshotRefusal = "allowed";
