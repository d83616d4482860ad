// A return statement inside try runs a finally that yields, then completes with the saved value.
export const log = [];

/* @resumable */
export function* main(x) {
  try {
    yield "start";
    if (x > 0) return `positive ${x}`;
    return "not positive";
  } finally {
    const f = yield "finally";
    log.push(["finally got", f]);
  }
}

export const create = () => main(3);
