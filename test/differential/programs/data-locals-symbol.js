// A symbol held in a local and used as a key across yields.
export const log = [];

/* @resumable */
export function* main() {
  const key = Symbol("tag");
  const object = { [key]: "hidden", visible: 1 };
  yield key.description;
  log.push([object[key], Object.keys(object), typeof key]);
  return key.toString();
}

export const create = () => main();
export const snapshotRefusal = "allowed"; // symbols may or may not be saved
