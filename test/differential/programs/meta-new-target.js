// new.target inside a generator is undefined (generators are never constructed).
export const log = [];

/* @resumable */
export function* main() {
  yield new.target === undefined;
  const inner = function () {
    return new.target === undefined;
  };
  yield inner();
  return typeof new.target;
}

export const create = () => main();
// inner (a closure) is dead after the second yield's operand has run.
export const snapshotRefusal = "allowed";
