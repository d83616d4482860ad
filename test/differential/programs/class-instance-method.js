// A resumable generator instance method reads and writes fields of this across yields.
export const log = [];

class Counter {
  constructor(start) {
    this.value = start;
    this.history = [];
  }
  /* @resumable */
  *count(step) {
    while (this.value < 10) {
      this.history.push(this.value);
      const override = yield this.value;
      this.value += typeof override === "number" && override < 5 ? override : step;
    }
    return this.history;
  }
}

export const create = () => new Counter(1).count(3);
export const sends = [undefined, 1, 2, 100];
// this is an instance of a class the runtime may not know how to rebuild.
export const snapshotRefusal = "allowed";
