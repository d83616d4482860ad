// this set with .call, .apply and .bind (plain data objects).
export const log = [];

/* @resumable */
export function* main(a, b) {
  yield [this.tag, a, b];
  this.count = (this.count ?? 0) + 1;
  yield this.count;
  return this;
}

export const create = () => {
  const viaApply = main.apply({ tag: "apply" }, ["x", "y"]);
  log.push(viaApply.next().value);
  const bound = main.bind({ tag: "bound" }, "pre");
  const viaBind = bound("post");
  log.push(viaBind.next().value, [bound.name, bound.length]);
  return main.call({ tag: "call" }, 1, 2);
};
