// Yields in call arguments: arguments are evaluated left to right, the callee before all of them.
export const log = [];

function record(...args) {
  log.push(["called with", args]);
  return args.length;
}

/* @resumable */
export function* main() {
  let x = 1;
  const n = record(x, yield "arg 2", (x = 2), yield x, x);
  let f = record;
  const m = f((f = null, yield "callee fixed"), "second");
  const obj = { count: 0, bump(by) { this.count += by; return this.count; } };
  obj.bump(yield "method arg");
  log.push(["results", n, m, obj.count]);
  return obj.count;
}

export const create = () => main();
// The callee (a function) is a temporary across the yields in its arguments.
export const snapshotRefusal = "allowed";
