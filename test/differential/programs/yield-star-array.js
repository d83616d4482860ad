// yield* over arrays (holes give undefined); sends are ignored; the result is undefined.
export const log = [];

/* @resumable */
export function* main() {
  const r1 = yield* [1, 2, 3];
  const r2 = yield* [, "after hole"];
  const r3 = yield* [];
  log.push([r1, r2, r3]);
  return "end";
}

export const create = () => main();
