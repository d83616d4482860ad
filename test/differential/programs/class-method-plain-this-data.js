// A class generator method called with .call on a plain data object.
export const log = [];

class Walker {
  /* @resumable */
  *walk() {
    for (const step of this.steps) {
      this.position += step;
      yield this.position;
    }
    return this.position;
  }
}

export const create = () => Walker.prototype.walk.call({ position: 0, steps: [2, 3, -1] });
