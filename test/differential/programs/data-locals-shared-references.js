// Two locals referring to one object: a change through one is seen through the other after yields.
export const log = [];

/* @resumable */
export function* main() {
  const shared = { count: 0 };
  const holderA = { ref: shared };
  const holderB = [shared];
  yield "start";
  holderA.ref.count += 1;
  yield holderB[0].count;
  holderB[0].count += 10;
  yield shared.count;
  log.push([holderA.ref === holderB[0], holderA.ref === shared]);
  return shared.count;
}

export const create = () => main();
