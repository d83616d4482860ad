// A bare yield produces undefined; yield in statement position discards the sent value.
export const log = [];

/* @resumable */
export function* main() {
  yield;
  const got = yield;
  yield undefined;
  yield void 0;
  log.push(got);
  if (yield) log.push("truthy send");
  return got;
}

export const create = () => main();
