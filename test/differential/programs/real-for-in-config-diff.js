// A config diff: for…in over objects whose keys are deleted and added during the loop
// (deleted keys not yet visited are skipped, added ones are not visited), with yields inside.
export const log = [];

/* @resumable */
export function* main() {
  const current = { host: "a", port: 80, debug: true, user: "x", 10: "ten", 2: "two" };
  const wanted = { host: "b", port: 80, user: null, extra: 1 };
  const changes = [];
  for (const key in current) {
    if (!(key in wanted)) {
      const ok = yield `remove ${key}?`;
      if (ok !== "keep") delete current[key];
      if (key === "debug") delete current.user;
      continue;
    }
    if (current[key] !== wanted[key]) {
      changes.push([key, current[key], wanted[key]]);
      current[key] = wanted[key];
      current[`${key}_old`] = true;
      yield `changed ${key}`;
    }
  }
  const arr = ["p", "q"];
  arr.extra = "e";
  const seen = [];
  for (const i in arr) {
    seen.push(i);
    yield i;
  }
  log.push(changes, Object.keys(current), seen);
  return Object.keys(current).length;
}

export const create = () => main();
export const sends = [undefined, "keep", 2, 3, 4, 5, 6, 7, 8];
// `arr` has a named property: refused at the for…in over it (documented)
export const snapshotRefusal = "allowed";
