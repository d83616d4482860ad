// A resumable generator object passed in as an argument and delegated to in two parts.
export const log = [];

/* @resumable */
function* source(limit) {
  for (let i = 0; i < limit; i++) {
    const sent = yield `source ${i}`;
    if (sent === "stop") return `stopped at ${i}`;
  }
  return "source exhausted";
}

/* @resumable */
function* firstTwo(gen) {
  const a = gen.next();
  const b = gen.next();
  return [a.value, b.value];
}

/* @resumable */
export function* main(gen) {
  const firstPart = yield* firstTwo(gen);
  yield firstPart;
  const rest = yield* gen;
  log.push(["rest", rest]);
  return rest;
}

export const create = () => main(source(5));
