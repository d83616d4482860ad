// `super` in resumable class methods: property reads (a getter sees the
// method's `this`), calls, computed keys, assignments (a setter up the chain
// runs with the receiver), a yield in a super call's arguments, an optional
// call, a static method.
export const log = [];

class Base {
  get label() {
    return "base label of " + this.name;
  }
  set tracked(value) {
    log.push(["Base setter", this.name, value]);
  }
  describe(what) {
    return "Base.describe(" + what + ") of " + this.name;
  }
  static kind(suffix) {
    return "Base.kind " + suffix;
  }
}

class Derived extends Base {
  /* @resumable */
  *run(n) {
    yield super.label;
    // As a value on the right of an assignment, compound or not, and in a tagged template's substitutions.
    let copied = "";
    copied = super.label;
    copied += super.describe("again");
    log.push(copied, String.raw`${super.label}`);
    super.tracked = n;
    super.plain = n * 2;
    log.push(["own property", this.plain]);
    const reply = yield super["describe"]("computed");
    yield super.describe(yield "argument?");
    log.push(["reply", reply]);
    yield super.missing?.(), super.toString === Object.prototype.toString;
    return super.describe("end");
  }

  /* @resumable */
  static *kinds(count) {
    for (let i = 0; i < count; i++) yield super.kind(i);
  }
}

/* @resumable */
export function* main() {
  const run = Derived.prototype.run.call({ name: "plain object" }, 3);
  let step = run.next();
  let sent = 0;
  while (!step.done) {
    const reply = yield step.value;
    step = run.next(reply ?? "sent " + sent++);
  }
  yield step.value;
  // A static method's `this` is its class, a function a snapshot cannot hold: called on plain data here.
  yield* Derived.kinds.call({ name: "static receiver" }, 2);
}

export const create = () => main();
