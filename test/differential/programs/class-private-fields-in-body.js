// A resumable method whose body uses the class's private fields, private methods and
// static private state; the frame class is made inside the class, so `this.#x` works.
export const log = [];

export class Account {
  #balance = 0;
  static #opened = 0;

  constructor(owner) {
    this.owner = owner;
    Account.#opened++;
  }

  #describe(note) {
    return `${this.owner}: ${this.#balance} (${note})`;
  }

  /* @resumable */
  *deposits(amounts) {
    for (const amount of amounts) {
      this.#balance += amount;
      const sent = yield this.#describe("after " + amount);
      if (sent === "stop") return this.#balance;
    }
    log.push(["opened at least once", Account.#opened > 0]);
    return this.#balance;
  }

  /* @resumable */
  static *census() {
    yield Account.#opened;
  }
}

export const create = () => {
  const account = new Account("ada");
  return account.deposits([5, 10, 20]);
};
// `this` is an Account, an unregistered class (and its private fields are invisible to the
// runtime, so it would need save/load hooks): every snapshot is refused, by design.
export const snapshotRefusal = true;
