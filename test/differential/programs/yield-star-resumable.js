// yield* to another resumable generator: values pass through, sends are forwarded, the return value is the result.
export const log = [];

/* @resumable */
function* inner(tag) {
  const a = yield `${tag} 1`;
  const b = yield `${tag} 2`;
  log.push([tag, "inner got", a, b]);
  return `${tag} result`;
}

/* @resumable */
export function* main() {
  const first = yield* inner("first");
  const second = yield* inner("second");
  log.push([first, second]);
  return [first, second];
}

export const create = () => main();
