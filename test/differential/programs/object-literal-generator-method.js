// Generator methods in object literals: this is the object, called as a method.
export const log = [];

export const counterObject = {
  label: "obj",
  /* @resumable */
  *ticks(n) {
    for (let i = 0; i < n; i++) {
      yield `${this.label}:${i}`;
    }
    return this === counterObject;
  },
};

export const create = () => counterObject.ticks(3);
// this is a module-level object that also holds a function.
export const snapshotRefusal = "allowed";
