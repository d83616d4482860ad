// Comma expressions evaluate every operand (yields included) and produce the last.
export const log = [];

/* @resumable */
export function* main() {
  let trail = [];
  const last = (trail.push("one"), yield "first", trail.push("two"), yield "second");
  const inFor = [];
  for (let i = 0, j = yield "init j"; i < 2; i++, j += yield "update") {
    inFor.push([i, j]);
  }
  log.push(trail, last, inFor);
  return last;
}

export const create = () => main();
