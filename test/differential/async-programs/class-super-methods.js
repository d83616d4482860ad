// `super` in async generator methods (reads, calls, writes), across awaits
// and yields.
export const log = [];

class Base {
  greet(name) {
    return `hello ${name}`;
  }
  static kind() {
    return "base";
  }
}

export class Child extends Base {
  /* @resumable */
  async *talk(names) {
    for (const name of names) {
      const text = super.greet(await name);
      yield text;
      super.last = name;
    }
    yield this.last;
  }
  /* @resumable */
  static async *kinds() {
    yield super.kind();
    await null;
    yield `${super.kind()} again`;
  }
}

/* @resumable */
export async function* main() {
  const child = new Child();
  for await (const text of child.talk(["a", Promise.resolve("b")])) yield text;
  for await (const kind of Child.kinds()) yield kind;
}

export const create = () => main();
export const restoreExempt = "the method's generator holds `this`, a Child instance: not registered";
