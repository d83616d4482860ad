// `super` in an arrow function of a resumable method, and a prototype chain
// changed while the method is suspended: super looks at the home object's
// prototype at each access, as natively.
export const log = [];

class Base {
  describe(what) {
    return "Base.describe(" + what + ") of " + this.name;
  }
}

class Other {
  describe(what) {
    return "Other.describe(" + what + ") of " + this.name;
  }
}

class Derived extends Base {
  /* @resumable */
  *run() {
    const viaArrow = (what) => super.describe(what);
    yield viaArrow("first");
    Object.setPrototypeOf(Derived.prototype, Other.prototype);
    try {
      yield super.describe("after the switch");
      yield viaArrow("arrow after the switch");
    } finally {
      Object.setPrototypeOf(Derived.prototype, Base.prototype);
    }
    return super.describe("restored");
  }
}

export const create = () => Derived.prototype.run.call({ name: "plain object" });
// The prototype switch is module state a fresh process does not have.
export const restoreExempt = "switches a class's prototype while suspended";
// viaArrow (a closure) is live at every yield.
export const snapshotRefusal = "allowed";
