// Object literals and classes with methods that return, in a generator: regenerator counts those
// returns as jumps of the generator. Neither a native for…of nor an optional chain around such a
// literal may break the compile, and its siblings keep their order (the key's assignment comes first).
export const log = [];

/* @resumable */
export function* main(x) {
  for (const item of [1, 2]) log.push({ m() { return item; } }.m());
  const name = ({ [(x = "key")]() { return 1; } })[x]?.name;
  const Made = class { static twice(n) { return n * 2; } };
  log.push(name, Made.twice(yield name), typeof (class { m() { return 1; } })?.prototype.m);
  return x;
}

export const create = () => main("start");
// At the yield the class Made (a function) is live: a snapshot there refuses it.
export const snapshotRefusal = [1];
