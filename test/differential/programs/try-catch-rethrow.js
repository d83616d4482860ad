// catch blocks that rethrow the same error, wrap it, or throw a new one; an outer catch sees each.
export const log = [];

class WrappedError extends Error {
  constructor(message, cause) {
    super(message);
    this.name = "WrappedError";
    this.inner = cause.message;
  }
}

/* @resumable */
export function* main() {
  const kinds = ["same", "wrap", "new"];
  for (const kind of kinds) {
    try {
      try {
        yield `before ${kind}`;
        throw new Error(`error ${kind}`);
      } catch (e) {
        yield `inner catch ${kind}`;
        if (kind === "same") throw e;
        if (kind === "wrap") throw new WrappedError("wrapped", e);
        throw new TypeError("fresh");
      }
    } catch (outer) {
      log.push([outer.constructor.name, outer.message, outer.inner ?? null]);
    }
  }
  return "end";
}

export const create = () => main();
export const snapshotRefusal = "allowed"; // an Error is held across the yield in the inner catch
