// yield* over a Set and a Map (entries).
export const log = [];

/* @resumable */
export function* main() {
  yield* new Set(["s1", "s2", "s1"]);
  const map = new Map([["k", 1]]);
  yield* map;
  return "end";
}

export const create = () => main();
