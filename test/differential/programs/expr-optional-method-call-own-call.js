// An optional call of a method with a yield in its arguments calls the method
// itself, with its object as `this`, as native code does. Babel's
// optional-chaining transform writes it as `m.call(o, …)`, which would run a
// `call` property the method has of its own; and a method that is not
// callable is named as V8 names it ("tool?.count is not a function").
export const log = [];

const tool = {
  name: "tool",
  count: 5,
  data: { label: "data" },
  run(x) {
    log.push(`run ${x} on ${this.name}`);
    return x * 2;
  },
  nested: {
    name: "nested",
    run(x, y) {
      log.push(`nested run ${x} ${y} on ${this.name}`);
      return x + y;
    },
  },
};
// A function's own `call` property, which a direct call never reads.
tool.run.call = () => {
  log.push("own call property");
  return -1;
};
tool.nested.run.call = tool.run.call;

/* @resumable */
export function* main() {
  log.push(tool?.run?.(yield "a"));
  log.push(tool.run?.(yield "b"));
  log.push(tool?.nested.run?.(yield "c", 1));
  log.push(tool?.["nested"]?.run?.(...[yield "d", 2]));
  log.push(tool.missing?.(yield "never"));
  try {
    tool?.count?.(yield "e");
  } catch (e) {
    log.push(`${e.constructor.name}: ${e.message}`);
  }
  try {
    tool.data?.["label"]?.(yield "f");
  } catch (e) {
    log.push(`${e.constructor.name}: ${e.message}`);
  }
  // A plain call at the end of a chain, and keys and objects that yield.
  const messages = [];
  try {
    tool?.count(yield "g");
  } catch (e) {
    messages.push(`${e.constructor.name}: ${e.message}`);
  }
  try {
    tool?.data.label(yield "h");
  } catch (e) {
    messages.push(`${e.constructor.name}: ${e.message}`);
  }
  try {
    (yield "i")?.label?.(1);
  } catch (e) {
    messages.push(`${e.constructor.name}: ${e.message}`);
  }
  try {
    tool.data?.[yield "j"]?.(1);
  } catch (e) {
    messages.push(`${e.constructor.name}: ${e.message}`);
  }
  log.push(messages);
  return "done";
}

export const create = () => main();
export const sends = [undefined, 1, 2, 3, 4, 5, 6, 7, 8, { label: "sent" }, "label"];
// The method, read before the yield in its arguments as natively, is a live closure there.
export const snapshotRefusal = [1, 2, 3, 4];
