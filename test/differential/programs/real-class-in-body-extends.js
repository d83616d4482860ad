// Classes declared in the generator body that extend a module-level class and call super
// in their constructors and methods; nested functions use their own this/arguments/new.target.
export const log = [];

class Shape {
  constructor(name) {
    this.name = name;
  }
  describe() {
    return `shape ${this.name}`;
  }
}

/* @resumable */
export function* main(sizes) {
  class Square extends Shape {
    constructor(side) {
      super("square");
      this.side = side;
    }
    describe() {
      return `${super.describe()} of ${this.side}`;
    }
    static make(...args) {
      return new this(...args);
    }
  }
  function Legacy(x) {
    if (!new.target) return new Legacy(x);
    this.args = arguments.length;
    this.x = x;
  }
  const out = [];
  for (const s of sizes) {
    const sq = Square.make(s);
    const legacy = Legacy(s, "extra");
    out.push(sq.describe(), legacy.args);
    yield out.length;
  }
  const obj = {
    base: "o",
    method() {
      return [this.base, arguments[0]];
    },
  };
  log.push(out, obj.method("m"));
  return out;
}

export const create = () => main([1, 2]);
export const snapshotRefusal = "allowed"; // Square and Legacy are live closures
