// Getters and valueOf run in spec order around yields (logged), as they would natively.
export const log = [];

function traced(name, value) {
  return {
    valueOf() {
      log.push(`valueOf ${name}`);
      return value;
    },
  };
}

/* @resumable */
export function* main() {
  const source = {
    get a() {
      log.push("get a");
      return 1;
    },
    get b() {
      log.push("get b");
      return 2;
    },
  };
  const sum = source.a + (yield "between getters") + source.b;
  const product = traced("left", 3) * traced("right", (yield "right operand"));
  return [sum, product];
}

export const create = () => main();
export const snapshotRefusal = true; // source holds getters (closures) used after the first yield
