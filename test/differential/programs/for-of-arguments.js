// for-of over arguments, including arguments beyond the declared parameters.
export const log = [];

/* @resumable */
export function* main(first) {
  let count = 0;
  for (const arg of arguments) {
    count++;
    yield [count, arg];
  }
  log.push(["length", arguments.length, first]);
  return count;
}

export const create = () => main("a", "b", undefined, 4);
export const snapshotRefusal = "allowed"; // an iterator over an arguments object may or may not be saved
