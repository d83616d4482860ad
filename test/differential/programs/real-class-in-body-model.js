// A class declared in the generator body (fields, private fields, static counter, getter)
// whose instances are used between yields and reduced to plain data before each yield.
export const log = [];

/* @resumable */
export function* main(orders) {
  class Order {
    static count = 0;
    #discount = 0;
    items = [];
    constructor(id) {
      this.id = id;
      Order.count++;
    }
    add(name, price) {
      this.items.push({ name, price });
      return this;
    }
    set discount(pct) {
      this.#discount = Math.min(50, pct);
    }
    get total() {
      return this.items.reduce((s, i) => s + i.price, 0) * (1 - this.#discount / 100);
    }
  }
  const summaries = [];
  for (const [id, items, pct] of orders) {
    const order = new Order(id);
    for (const [name, price] of items) order.add(name, price);
    order.discount = pct;
    const summary = { id, total: order.total, n: order.items.length };
    summaries.push(summary);
    yield summary;
  }
  log.push(Order.count);
  return summaries;
}

export const create = () => main([["o1", [["pen", 2], ["ink", 5]], 10], ["o2", [["pad", 4]], 80], ["o3", [], 0]]);
// `Order` (a class: a function) is live at each yield
export const snapshotRefusal = "allowed";
