// User code whose names look like the compiler's own: module-level helpers named like runtime
// helpers (iterate, Frame, defineResumable), locals named _frame, _self, _args, _t0, _next,
// _sent, $total next to total, and a parameter named `arguments`-like `args`.
export const log = [];

function iterate(list) {
  return list.map((x) => x * 2);
}
class Frame {
  constructor(w, h) {
    this.area = w * h;
  }
}
const defineResumable = (x) => `defined ${x}`;
const UNINITIALIZED = "user-uninit";

/* @resumable */
export function* main(_args, _self) {
  let total = 0;
  let $total = 100;
  const _frame = { id: "user frame" };
  let _t0 = "temp";
  let _next = 1;
  let _sent = null;
  let _status = "mine";
  for (const v of iterate([1, 2, 3])) {
    total += v;
    $total -= v;
    _sent = yield [total, $total, _frame.id, _t0, _next++];
  }
  const area = new Frame(2, 3).area;
  yield [area, defineResumable(_status), UNINITIALIZED, _args, _self, _sent];
  log.push(total, $total, _next, typeof _frame);
  return `${total}/${$total}`;
}

export const create = () => main("A", "S");
