// A class declared in the generator body whose methods capture locals.
export const log = [];

/* @resumable */
export function* main() {
  let prefix = "first";
  class Greeter {
    constructor(name) {
      this.name = name;
    }
    greet() {
      return `${prefix}: ${this.name}`;
    }
  }
  const g = new Greeter("world");
  yield g.greet();
  prefix = "second";
  yield g.greet();
  log.push([typeof Greeter, Greeter.name, g instanceof Greeter]);
  return g.greet();
}

export const create = () => main();
export const snapshotRefusal = true;
