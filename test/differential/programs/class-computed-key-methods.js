// Generator methods with computed keys, including Symbol.iterator to make instances iterable.
export const log = [];

const methodName = "dynamic" + "Gen";

class Bag {
  constructor(items) {
    this.items = items;
  }
  /* @resumable */
  *[methodName](prefix) {
    for (const item of this.items) yield `${prefix}${item}`;
  }
  /* @resumable */
  *[Symbol.iterator]() {
    yield* this.items;
  }
}

export const create = () => {
  const bag = new Bag(["x", "y"]);
  log.push([...bag], Bag.prototype[methodName].name, Bag.prototype[Symbol.iterator].name);
  return bag[methodName]("item:");
};
export const snapshotRefusal = "allowed";
