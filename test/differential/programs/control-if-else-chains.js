// if / else if / else chains whose conditions and branches yield.
export const log = [];

/* @resumable */
export function* main() {
  const results = [];
  for (let i = 0; i < 4; i++) {
    const v = yield `classify ${i}`;
    if (v < 15) {
      results.push("small");
    } else if ((yield "medium check") === 60) {
      results.push("medium");
      yield "in medium";
    } else if (v > 1000) results.push("huge");
    else {
      results.push("other");
    }
  }
  if (yield "final") log.push(results);
  return results;
}

export const create = () => main();
export const sends = [undefined, 5, 20, 60, 0, 30, 70, 5000, 1, true];
