// An optional call of a method with an await or a yield in its arguments
// calls the method itself, with its object as `this`, as native code does:
// not through a `call` property the method has of its own (Babel's
// optional-chaining transform writes `m.call(o, …)`); a method that is not
// callable is named as V8 names it.
export const log = [];

const tool = {
  name: "tool",
  count: 5,
  async fetch(x) {
    log.push(`fetch ${x} on ${this.name}`);
    return x * 2;
  },
};
tool.fetch.call = () => {
  log.push("own call property");
  return -1;
};

/* @resumable */
export async function* main() {
  log.push(await tool?.fetch?.(await Promise.resolve(1)));
  log.push(await tool.fetch?.(yield "b"));
  try {
    tool?.count?.(await Promise.resolve(3));
  } catch (e) {
    log.push(`${e.constructor.name}: ${e.message}`);
  }
  return "done";
}

export const create = () => main();
export const sends = [undefined, 2];
export const snapshotRefusal = [1]; // the method, read before its arguments as natively, is a live closure at the yield
