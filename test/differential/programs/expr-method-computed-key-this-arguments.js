// `this` and `arguments` in the computed key of an object method or a class member are the generator's own:
// the key is evaluated by the generator, not by the method.
export const log = [];

/* @resumable */
export function* main(first, second) {
  const made = { [arguments[1]]() { return "method"; }, [this.tag]() { return "this"; } };
  log.push(Object.keys(made), made[second](), made[this.tag]());
  const sent = yield Object.keys(made);
  const Made = class { static [`${arguments[0]}-${sent}`]() { return "static"; } };
  log.push(Object.getOwnPropertyNames(Made).filter((name) => name.includes("-")));
  return Object.keys(made).concat(arguments.length);
}

export const create = () => main.call({ tag: "tagged" }, "one", "two");
// At the yield the object literal holds methods (closures): a snapshot there refuses them.
export const snapshotRefusal = [1];
