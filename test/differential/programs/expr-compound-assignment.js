// x += yield reads x before the yield; member and index targets likewise.
export const log = [];

/* @resumable */
export function* main() {
  let x = 10;
  x += yield "add";
  x -= (x = 1000, yield "sub, after a write in the operand");
  const o = { n: 2, s: "s" };
  o.n *= yield "mul";
  o.s += yield "concat";
  const arr = [5, 6];
  arr[yield "which index"] **= 2;
  let b = 0b1100;
  b |= yield "or";
  b <<= yield "shift";
  log.push([x, o, arr, b]);
  return x;
}

export const create = () => main();
export const sends = [undefined, 1, 5, 3, "!", 1, 1, 2];
