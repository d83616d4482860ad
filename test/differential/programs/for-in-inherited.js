// for-in visits inherited enumerable keys after own ones, skips shadowed and non-enumerable ones.
export const log = [];

const proto = { inherited: 1, shadowed: "proto" };
Object.defineProperty(proto, "hiddenProto", { value: 0, enumerable: false });

/* @resumable */
export function* main() {
  const object = Object.create(proto);
  object.own = 2;
  object.shadowed = "own";
  Object.defineProperty(object, "hidden", { value: 3, enumerable: false });
  for (const key in object) {
    yield `${key}=${object[key]}`;
  }
  return "done";
}

export const create = () => main();
export const snapshotRefusal = "allowed"; // an object with a non-Object prototype is held across yields
