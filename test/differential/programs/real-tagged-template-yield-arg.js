// A tagged template whose substitution is a yield, snapshotted at that yield.
export const log = [];

function tag(strings, ...values) {
  return strings.join("|") + "#" + values.join(",");
}

/* @resumable */
export function* main() {
  const before = yield "start";
  const s = tag`a${before}b${yield "mid"}c`;
  log.push(s);
  return s;
}

export const create = () => main();
