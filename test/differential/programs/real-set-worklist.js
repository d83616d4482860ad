// A dependency resolver: a Set used as a worklist that grows while it is iterated
// (for…of over a Set visits values added during the loop), a Map of resolved versions
// whose entries are deleted and re-added while a second loop iterates it.
export const log = [];

const DEPS = {
  app: ["web", "db"],
  web: ["http", "log"],
  db: ["log", "pool"],
  http: ["log"],
  pool: [],
  log: [],
};

/* @resumable */
export function* main(root) {
  const pending = new Set([root]);
  const order = [];
  for (const pkg of pending) {
    order.push(pkg);
    const answer = yield `resolve ${pkg}`;
    for (const dep of DEPS[pkg] ?? []) pending.add(dep);
    if (answer === "drop-log") pending.delete("log");
  }
  const versions = new Map(order.map((p, i) => [p, i + 1]));
  for (const [name, version] of versions) {
    yield `${name}@${version}`;
    if (name === "web") {
      versions.delete("db");
      versions.set("db", 99);
    }
    if (name === "http") versions.delete("log");
  }
  log.push(order, [...versions.keys()]);
  return versions.size;
}

export const create = () => main("app");
export const sends = [undefined, 1, 2, 3, "drop-log", 5, 6, 7, 8, 9, 10, 11, 12];
