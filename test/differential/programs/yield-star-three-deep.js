// main -> middle -> leaf, with sends, throws and returns travelling through all three levels.
export const log = [];

/* @resumable */
function* leaf(depth) {
  try {
    const a = yield `leaf ${depth} a`;
    const b = yield `leaf ${depth} b`;
    return [a, b];
  } catch (e) {
    log.push(["leaf caught", e instanceof Error ? e.message : e]);
    return "leaf recovered";
  } finally {
    log.push("leaf finally");
  }
}

/* @resumable */
function* middle() {
  try {
    const fromLeaf = yield* leaf(2);
    const again = yield `middle got ${JSON.stringify(fromLeaf)}`;
    return ["middle", fromLeaf, again];
  } finally {
    log.push("middle finally");
  }
}

/* @resumable */
export function* main() {
  try {
    const fromMiddle = yield* middle();
    log.push(["main got", fromMiddle]);
    return fromMiddle;
  } finally {
    log.push("main finally");
  }
}

export const create = () => main();
