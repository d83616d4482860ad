// A linked list class whose [Symbol.iterator] and other traversals are resumable generator
// methods (computed key, static, #private), consumed by spread, destructuring, Array.from,
// for…of with break (closing the iterator), and yield* from an outer generator.
export const log = [];

export class LinkedList {
  #size = 0;
  constructor(...values) {
    this.head = null;
    for (const v of values.reverse()) this.push(v);
  }
  push(value) {
    this.head = { value, next: this.head };
    this.#size++;
    return this;
  }
  get size() {
    return this.#size;
  }
  /* @resumable */
  *[Symbol.iterator]() {
    let node = this.head;
    try {
      while (node) {
        yield node.value;
        node = node.next;
      }
    } finally {
      log.push(`iterator closed at ${node?.value ?? "end"}`);
    }
  }
  /* @resumable */
  *#pairs() {
    let prev = undefined;
    for (const v of this) {
      if (prev !== undefined) yield [prev, v];
      prev = v;
    }
  }
  /* @resumable */
  *windows() {
    yield* this.#pairs();
    return this.#size;
  }
  /* @resumable */
  static *zip(a, b) {
    const ia = a[Symbol.iterator]();
    const ib = b[Symbol.iterator]();
    for (;;) {
      const x = ia.next(), y = ib.next();
      if (x.done || y.done) {
        ia.return();
        ib.return();
        return;
      }
      yield `${x.value}${y.value}`;
    }
  }
}

/* @resumable */
export function* main() {
  const list = new LinkedList(1, 2, 3, 4);
  const spread = [...list];
  const [first, second] = list;
  const doubled = Array.from(list, (x) => x * 2);
  for (const v of list) {
    if (v === 2) break;
  }
  yield { spread, first, second, doubled, size: list.size };
  const size = yield* list.windows();
  yield* LinkedList.zip(list, new LinkedList("a", "b"));
  log.push(size);
  return size;
}

export const create = () => main();
// `list` is a LinkedList (an unregistered class with #private fields)
export const snapshotRefusal = [1, 2, 3, 4]; // inside zip() only plain list nodes are live: saveable
