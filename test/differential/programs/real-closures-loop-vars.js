// Closures capturing per-iteration loop variables; handlers are collected, some are
// called between yields, and the results depend on which binding each captured.
export const log = [];

/* @resumable */
export function* main(names) {
  const handlers = [];
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    handlers.push(() => `${i}:${name}`);
    yield `registered ${name}`;
  }
  const report = [];
  for (const h of handlers) {
    report.push(h());
    yield report.length;
  }
  let count = 0;
  const bump = (by = 1) => (count += by);
  for (var j = 0; j < 3; j++) {
    bump(j);
    yield count;
  }
  log.push(report, count, j);
  return report.join(",");
}

export const create = () => main(["x", "y", "z"]);
export const snapshotRefusal = "allowed"; // the handlers array and `bump` are live closures
