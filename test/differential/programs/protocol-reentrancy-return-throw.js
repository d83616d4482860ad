// Calling return() or throw() on a running generator from inside it is also a TypeError.
export const log = [];

/* @resumable */
export function* main() {
  for (const method of ["return", "throw", "next"]) {
    try {
      this.self[method](method === "throw" ? new Error("x") : "x");
      log.push([method, "no error"]);
    } catch (e) {
      log.push([method, e.constructor.name]);
    }
    yield method;
  }
  return "end";
}

export const create = () => {
  const holder = {};
  holder.self = main.call(holder);
  return holder.self;
};
export const snapshotRefusal = "allowed";
