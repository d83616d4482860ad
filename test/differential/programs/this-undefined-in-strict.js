// Called plainly, a generator in a module (strict code) has this === undefined.
export const log = [];

/* @resumable */
export function* main() {
  yield typeof this;
  yield this === undefined;
  return String(this);
}

export const create = () => main();
