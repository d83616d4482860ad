// A module that binds the name `undefined` (legal at a module's top level):
// compiled code writes the value as `void 0`, so creating, clearing and
// delegating work as natively, while the body's own reads of `undefined`
// still see the module's binding.
export const log = [];

var undefined = "the module's own";

/* @resumable */
function* inner() {
  const got = yield "inner";
  return got;
}

/* @resumable */
export function* main(first, unused) {
  let total = first;
  let later;
  for (let i = 0; i < 2; i++) {
    const step = yield total;
    total += step ?? 1;
  }
  const delegated = yield* inner();
  log.push(typeof later, later === void 0, unused === void 0, delegated);
  yield undefined;
  const { missing = "default" } = {};
  return [total, missing];
}

export const create = () => main(1);
