// A throw inside finally replaces a pending return or a pending exception.
export const log = [];

/* @resumable */
function* risky(mode) {
  try {
    yield `risky ${mode}`;
    if (mode === "throw") throw new Error("original");
    return "value";
  } finally {
    throw new Error(`finally replaced ${mode}`);
  }
}

/* @resumable */
export function* main() {
  for (const mode of ["return", "throw"]) {
    try {
      yield* risky(mode);
    } catch (e) {
      log.push(e.message);
    }
  }
  try {
    yield "last";
  } finally {
    log.push("last finally");
  }
  return "end";
}

export const create = () => main();
