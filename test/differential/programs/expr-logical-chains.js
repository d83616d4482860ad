// Chains of && / || / ?? with several yields: each short-circuit decides which yields run.
export const log = [];

/* @resumable */
export function* main() {
  const results = [];
  for (let round = 0; round < 3; round++) {
    results.push(((yield `a${round}`) && (yield `b${round}`)) || (yield `c${round}`));
    results.push((yield `d${round}`) ?? ((yield `e${round}`) || "fallback"));
  }
  log.push(results);
  return results;
}

export const create = () => main();
export const sends = [undefined, 1, 0, "c0", null, 0, 0, "c1", "d1", 5, 7, 0, false];
