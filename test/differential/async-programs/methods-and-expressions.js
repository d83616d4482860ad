// Async generator methods (class, static, object literal) and expressions,
// with `this` and `arguments`.
export const log = [];

export class Counter {
  constructor(start) {
    this.start = start;
  }
  /* @resumable */
  async *count(n) {
    for (let i = 0; i < n; i++) {
      yield (await this.start) + i + arguments.length;
    }
  }
  /* @resumable */
  static async *twice(x) {
    yield x;
    yield await x;
  }
}

export const tools = {
  /* @resumable */
  async *pairs(list) {
    for (const item of list) yield [item, await item];
  },
};

export const expression = /* @resumable */ async function* (a) {
  yield a;
};

/* @resumable */
export async function* main() {
  for await (const v of new Counter(10).count(2)) yield v;
  for await (const v of Counter.twice("t")) yield v;
  for await (const v of tools.pairs(["x"])) yield v;
  for await (const v of expression("e")) yield v;
  yield [Object.prototype.toString.call(expression("e")), typeof expression("e")[Symbol.asyncIterator], Symbol.iterator in expression(1)];
}

export const create = () => main();
export const restoreExempt = "the generator objects of methods hold `this`, a Counter: not registered";
