// A closure made before the yield may read the local after it, before the
// write the straight path makes, and a closure called only sometimes may be
// the write: a local a closure reads or writes stays live.
export const log = [];

/* @resumable */
export function* main() {
  let label = "first";
  const show = () => log.push(`label ${label}`);
  for (let n = 0; n < 3; n++) {
    yield n;
    show();
    label = `l${n}`;
    log.push(label);
  }
  let count = 10;
  const bump = () => count++;
  for (let n = 0; n < 3; n++) {
    yield bump();
    count = n;
    log.push(count);
  }
  let f = "f0";
  const setF = (v) => {
    f = v;
  };
  for (let n = 0; n < 4; n++) {
    yield `f ${n}`;
    if (n % 2) setF(`f${n}`);
    log.push(f);
  }
  return [label, count, f].join();
}

export const create = () => main();
// show, bump and setF (closures) are live at the yields of their loops
export const snapshotRefusal = true;
