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
// `this` is a module-level object, which a snapshot copies (its method is saved by its id):
// a restored run's `this` is not that object.
export const restoreExempt = "compares `this` with the module's object";
