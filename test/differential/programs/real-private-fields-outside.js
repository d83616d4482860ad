// A bank account class with #private fields, defined outside; a resumable generator
// method of that class streams statements (this is an unregistered class: refused).
export const log = [];

export class Account {
  #balance;
  #log = [];
  constructor(owner, balance) {
    this.owner = owner;
    this.#balance = balance;
  }
  get balance() {
    return this.#balance;
  }
  apply(amount) {
    if (this.#balance + amount < 0) throw new RangeError("overdraft");
    this.#balance += amount;
    this.#log.push(amount);
  }
  /* @resumable */
  *statement(amounts) {
    for (const amount of amounts) {
      try {
        this.apply(amount);
        yield `${this.owner}: ${amount >= 0 ? "+" : ""}${amount} -> ${this.#balance}`;
      } catch (e) {
        const decision = yield `${this.owner}: ${e.constructor.name} on ${amount}`;
        if (decision === "stop") return this.#log.length;
      }
    }
    log.push(this.#log.slice());
    return this.#log.length;
  }
}

export const create = () => new Account("kim", 50).statement([20, -100, -30, 5]);
export const snapshotRefusal = true;
