// Optional calls: f?.(yield) skips the arguments when f is nullish; o.m?.() keeps this.
export const log = [];

/* @resumable */
export function* main() {
  const counter = {
    n: 0,
    add(by) {
      this.n += by;
      return this.n;
    },
  };
  const noop = undefined;
  const r = [];
  r.push(counter.add?.(yield "add arg"));
  r.push(noop?.(yield "skipped arg"));
  r.push(counter.missing?.(yield "skipped method arg"));
  r.push(counter?.add(yield "second add arg"));
  r.push((yield "maybe function")?.(1));
  log.push(r, counter.n);
  return counter.n;
}

export const create = () => main();
export const sends = [undefined, 5, 7, null];
export const snapshotRefusal = true; // counter holds a method (a closure) that is used after every yield
