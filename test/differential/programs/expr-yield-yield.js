// yield yield x: the inner yield's result is yielded again; deeper nesting too.
export const log = [];

/* @resumable */
export function* main() {
  const a = yield yield "innermost";
  const b = yield (yield (yield "three deep"));
  log.push([a, b]);
  return [a, b];
}

export const create = () => main();
