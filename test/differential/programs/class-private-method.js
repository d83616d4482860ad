// A private generator method *#steps() used through a public method.
export const log = [];

class Machine {
  constructor(name) {
    this.name = name;
  }
  /* @resumable */
  *#steps(count) {
    for (let i = 0; i < count; i++) {
      const sent = yield `${this.name} step ${i}`;
      log.push([this.name, i, sent]);
    }
    return "private done";
  }
  run(count) {
    return this.#steps(count);
  }
}

export const create = () => new Machine("m1").run(3);
export const snapshotRefusal = "allowed";
