// In a + (yield b), the left operand is evaluated before the yield, even if the yield's operand changes it.
export const log = [];

/* @resumable */
export function* main() {
  let a = 1;
  const r1 = a + (yield (a = 5, "first"));
  log.push(["r1", r1, a]);
  const r2 = (yield "second") - a;
  const r3 = a * (yield "third") + (yield "fourth");
  const r4 = `${a}` + (yield "fifth");
  log.push([r2, r3, r4]);
  return [r1, r2, r3, r4];
}

export const create = () => main();
