// yield* to a generator that already finished returns undefined at once; to one half-used continues it.
export const log = [];

/* @resumable */
function* two() {
  yield "two 1";
  yield "two 2";
  return "two done";
}

/* @resumable */
export function* main(used, fresh) {
  const r1 = yield* used;
  log.push(["finished delegate result", r1]);
  const r2 = yield* fresh;
  return [r1, r2];
}

export const create = () => {
  const used = two();
  log.push([used.next(), used.next(), used.next()]);
  const half = two();
  log.push(half.next());
  return main(used, half);
};
