// A return inside finally overrides a return(), a throw() and a normal return.
export const log = [];

/* @resumable */
function* inner(mode) {
  try {
    yield "inner";
    if (mode === "throw") throw new Error("thrown in try");
    return "try result";
  } finally {
    log.push(["inner finally", mode]);
    return `override ${mode}`;
  }
}

/* @resumable */
export function* main() {
  const a = yield* inner("normal");
  const b = yield* inner("throw");
  log.push([a, b]);
  try {
    yield "outer";
  } finally {
    yield "outer finally";
    return "outer override";
  }
}

export const create = () => main();
