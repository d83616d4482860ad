// A named export default generator that recurses through its own name.
export const log = [];

/* @resumable */
export default function* levels(depth) {
  yield `level ${depth}`;
  if (depth > 0) {
    const below = yield* levels(depth - 1);
    return below + 1;
  }
  return 0;
}

export const create = () => {
  log.push(levels.name);
  return levels(2);
};
