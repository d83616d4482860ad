// Computed keys that yield: key and value are evaluated in source order, keys are coerced to strings.
export const log = [];

/* @resumable */
export function* main() {
  const object = {
    [yield "key 1"]: yield "value 1",
    fixed: "fixed",
    [yield "key 2"]: "value 2",
    [`${yield "template key"}-suffix`]: 3,
  };
  log.push(Object.keys(object));
  return object;
}

export const create = () => main();
export const sends = [undefined, "alpha", 1, 2, "beta", "gamma"];
