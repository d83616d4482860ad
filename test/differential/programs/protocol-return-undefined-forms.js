// Falling off the end, return; and return undefined all give { value: undefined, done: true }.
export const log = [];

/* @resumable */
function* fallOff() {
  yield 1;
}

/* @resumable */
function* bareReturn() {
  yield 1;
  return;
}

/* @resumable */
export function* main() {
  const a = yield* fallOff();
  const b = yield* bareReturn();
  log.push([a, b]);
  return undefined;
}

export const create = () => main();
