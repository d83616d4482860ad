// yield* over a string yields code points, astral characters whole.
export const log = [];

/* @resumable */
export function* main(text) {
  const result = yield* text;
  log.push(["result", result]);
  yield* "";
  yield* "ok";
  return text.length;
}

export const create = () => main("x😀\u{10348}y");
