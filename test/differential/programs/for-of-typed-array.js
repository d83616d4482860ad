// for-of over typed arrays (the element type shows in the yielded values).
export const log = [];

/* @resumable */
export function* main() {
  const bytes = new Uint8Array([1, 255, 256, -1]);
  for (const b of bytes) yield b;
  const floats = new Float64Array([0.5, -0, NaN]);
  for (const f of floats) yield f;
  const big = new BigInt64Array([1n, -2n]);
  for (const v of big) yield v;
  return bytes.length + floats.length + big.length;
}

export const create = () => main();
export const snapshotRefusal = "allowed"; // typed arrays and their iterators may or may not be saved
