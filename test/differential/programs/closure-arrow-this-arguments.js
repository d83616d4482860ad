// Arrows inside the generator see its this and arguments, also after yields.
export const log = [];

/* @resumable */
export function* main(a, b) {
  const describe = () => `${this.label}: ${arguments.length} args, first ${arguments[0]}`;
  yield describe();
  const sum = () => [...arguments].reduce((x, y) => x + y, 0);
  yield sum();
  log.push([describe(), sum()]);
  return sum();
}

export const create = () => main.call({ label: "ctx" }, 1, 2, 3);
export const snapshotRefusal = true;
