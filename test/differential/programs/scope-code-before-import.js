// Module code above an import runs while the module loads (imports are
// hoisted, the code is not): it can call a generator declared anywhere, and
// an anonymous default export is a generator function from the start.
export const log = [];
const atLoad = [...count(2)];

/* @resumable */
export function* count(n) {
  for (let i = 0; i < n; i++) yield inspect({ i });
}

/* @resumable */
export default function* () {
  yield "the default export";
}

import { inspect } from "node:util";

/* @resumable */
export function* main(makeDefault) {
  yield atLoad.join(" ");
  yield* makeDefault();
  return yield* count(3);
}

export const create = (self) => main(self.default);
