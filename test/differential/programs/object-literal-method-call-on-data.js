// An object-literal generator method taken off its object and called on plain data.
export const log = [];

const methods = {
  /* @resumable */
  *pairs() {
    for (const key of Object.keys(this)) {
      yield [key, this[key]];
    }
  },
};

export const create = () => {
  log.push(methods.pairs.name);
  return methods.pairs.call({ a: 1, b: [2], c: "three" });
};
