// Defaults can read this, earlier parameters and arguments.
export const log = [];

/* @resumable */
export function* main(x, y = this.base + x, z = arguments.length) {
  yield [x, y, z];
  return x + y + z;
}

export const create = () => main.call({ base: 100 }, 1);
