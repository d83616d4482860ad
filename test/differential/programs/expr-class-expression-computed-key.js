// A class expression in the generator body whose computed method keys yield.
// (A yield in a class *field's* computed key is a compile error: see test/babel-plugin/compile-errors.test.ts.)
export const log = [];

/* @resumable */
export function* main() {
  const Made = class {
    [yield "method key"]() {
      return "method result";
    }
    static [yield "static key"]() {
      return "static value";
    }
  };
  const instance = new Made();
  const names = Object.getOwnPropertyNames(Made.prototype);
  log.push(names, Object.keys(Made));
  return [instance.hello(), Made.cfg];
}

export const create = () => main();
export const sends = [undefined, "hello", "cfg"];
// The class under construction is a temporary across the second yield.
export const snapshotRefusal = "allowed";
