// A static resumable generator method: this is the class.
export const log = [];

class Sequences {
  static base = 7;
  /* @resumable */
  static *multiples(count) {
    for (let i = 1; i <= count; i++) {
      yield this.base * i;
    }
    return this.name;
  }
}

export const create = () => Sequences.multiples(3);
// this is the class itself (a function).
export const snapshotRefusal = "allowed";
