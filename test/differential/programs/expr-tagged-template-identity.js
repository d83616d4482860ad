// A template site passes the same frozen strings object to its tag on every evaluation.
export const log = [];

let previous = null;
function tag(strings, ...values) {
  log.push(["same site object as last call", strings === previous]);
  previous = strings;
  return values.join("+");
}

/* @resumable */
export function* main() {
  const out = [];
  for (let i = 0; i < 3; i++) {
    out.push(tag`round ${i}: ${yield i}`);
  }
  return out;
}

export const create = () => {
  previous = null;
  return main();
};
// Identity with an object kept by module code cannot survive a snapshot: the
// restored process has its own site object and its own `previous`.
export const restoreExempt = "compares a template site object with one kept in module state";
