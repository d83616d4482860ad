// What JSON.stringify shows of a generator object: nothing, natively, whatever its locals hold.
export const log = [];

/* @resumable */
export function* main(secret) {
  const doubled = secret * 2;
  yield doubled;
  yield doubled + 1;
}

export const create = () => {
  const gen = main(21);
  log.push(JSON.stringify(gen));
  gen.next();
  log.push(JSON.stringify({ gen, list: [gen] }));
  log.push(JSON.stringify(gen, null, 2));
  return main(1);
};
