// Class async generator methods: static, #private, super calls and super
// property reads, a subclass overriding an async generator method.
export const log = [];

class Source {
  constructor(name) {
    this.name = name;
  }
  label(i) {
    return `${this.name}:${i}`;
  }
  async fetch(i) {
    await null;
    return i * 3;
  }
  /* @resumable */
  async *items(n) {
    for (let i = 0; i < n; i++) yield this.label(await this.fetch(i));
  }
}

class Cached extends Source {
  #hits = 0;
  label(i) {
    return `cached(${super.label(i)})`;
  }
  /* @resumable */
  async *#warm(n) {
    for (let i = 0; i < n; i++) {
      this.#hits++;
      yield await super.fetch(i + 10);
    }
  }
  /* @resumable */
  async *items(n) {
    yield* this.#warm(2);
    log.push(`hits ${this.#hits}`);
    const base = super.label("b");
    yield base;
    for await (const x of super.items(n)) yield `sub ${x}`;
  }
  /* @resumable */
  static async *make(n) {
    const c = new this("c");
    const got = yield c.name;
    yield* c.items(n + (got ? 1 : 0));
    return this.name;
  }
}

/* @resumable */
export async function* main() {
  const r = yield* Cached.make(1);
  yield `made by ${r}`;
}

export const create = () => main();
export const snapshotRefusal = "allowed"; // Cached holds a #private field: an unregistered class instance is not savable
