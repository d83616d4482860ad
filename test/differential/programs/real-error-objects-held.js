// Errors held across yields as users keep them: a custom subclass, an error with a `code`
// property (like Node's fs errors), a cause chain and an AggregateError, reported later.
export const log = [];

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.name = "HttpError";
    this.status = status;
  }
}

/* @resumable */
export function* main() {
  const failures = [];
  try {
    throw Object.assign(new Error("no such file"), { code: "ENOENT", path: "/tmp/x" });
  } catch (e) {
    failures.push(e);
  }
  yield failures.length;
  const wrapped = new Error("load failed", { cause: failures[0] });
  yield wrapped.cause.code;
  const agg = new AggregateError([new TypeError("t"), new RangeError("r")], "several");
  yield agg.errors.length;
  log.push(failures[0].code, failures[0].path, wrapped.cause === failures[0], agg.errors.map((x) => x.name), agg.message);
  return [failures[0].code, wrapped.cause.path, agg.errors[1] instanceof RangeError];
}

export const create = () => main();
