// yield* to a native (unannotated) generator: works like any delegate, but cannot be snapshotted inside it.
export const log = [];

function* nativeInner() {
  try {
    const x = yield "native 1";
    log.push(["native got", x]);
    yield "native 2";
    return "native result";
  } finally {
    log.push("native finally");
  }
}

/* @resumable */
export function* main() {
  const result = yield* nativeInner();
  log.push(["result", result]);
  return result;
}

export const create = () => main();
export const snapshotRefusal = true;
