// A resumable generator stored on an object and called as a method sees the object as this.
export const log = [];

/* @resumable */
function* describeSelf(suffix) {
  yield `${this.name}${suffix}`;
  this.visits++;
  yield this.visits;
  return Object.keys(this);
}

export const create = () => {
  const owner = { name: "owner", visits: 0, describeSelf };
  return owner.describeSelf("!");
};
// this holds a function (the generator itself) besides plain data.
export const snapshotRefusal = "allowed";
