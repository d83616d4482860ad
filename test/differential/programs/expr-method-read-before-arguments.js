// A method call whose arguments yield reads the method before the
// arguments, as native code does: a getter runs before the yield, and a
// method replaced while the arguments are evaluated is not the one called.
// A snapshot leaves out a method it can read again from its object (a data
// property, unchanged: push, set, concat here), and the restored copy reads
// it again at the call.
export const log = [];

function makeTool() {
  const tool = {
    name: "tool",
    get traced() {
      log.push("read traced");
      return function (x) {
        log.push(`traced ${x} on ${this.name}`);
      };
    },
    run(first, second) {
      log.push(`old run ${first} ${second}`);
    },
    swap() {
      tool.run = (first, second) => log.push(`new run ${first} ${second}`);
      return "swapped";
    },
  };
  return tool;
}

/* @resumable */
export function* main() {
  const items = [];
  const seen = new Map();
  items.push(yield "push");
  seen.set("key", yield "set");
  const text = "ab".concat(yield "concat");
  let tool = makeTool();
  tool.traced(yield "traced");
  tool?.traced(yield "in a chain");
  tool.run(tool.swap(), yield "run");
  tool = null;
  items.push(yield "last");
  log.push(items, [...seen], text);
  return items.length;
}

export const create = () => main();
export const sends = [undefined, 1, 2, "c", 4, 5, 6, 7];
// The tool holds closures, and at the sixth point the method read before the swap is one.
export const snapshotRefusal = [4, 5, 6];
