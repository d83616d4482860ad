// Array patterns over strings (code points), Maps (entries) and Sets.
export const log = [];

/* @resumable */
export function* main() {
  const [c1, c2, ...cs] = "😀ab😀";
  yield [c1, c2, cs];
  const map = new Map([["k", "v"], ["k2", "v2"]]);
  const [[firstKey, firstValue], second] = map;
  yield [firstKey, firstValue, second];
  const [s1, , s3 = "missing"] = new Set(["only", "two"]);
  return [s1, s3];
}

export const create = () => main();
