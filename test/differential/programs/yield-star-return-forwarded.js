// return() is forwarded to the delegate, whose finally yields before the outer generator finishes.
export const log = [];

/* @resumable */
function* withCleanup() {
  try {
    yield "delegate 1";
    yield "delegate 2";
  } finally {
    log.push("delegate cleanup");
    yield "delegate cleanup yield";
  }
  return "delegate normal";
}

/* @resumable */
export function* main() {
  try {
    const r = yield* withCleanup();
    log.push(["delegate returned", r]);
    yield "after delegate";
  } finally {
    log.push("main cleanup");
    yield "main cleanup yield";
  }
  return "main normal";
}

export const create = () => main();
