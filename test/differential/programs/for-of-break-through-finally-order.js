// break inside try/finally inside a for-of: the body's finally runs before the iterator is closed.
export const log = [];

/* @resumable */
function* source() {
  try {
    yield 1;
    yield 2;
    yield 3;
  } finally {
    log.push("source closed");
  }
}

/* @resumable */
export function* main() {
  for (const v of source()) {
    try {
      yield v;
      if (v === 2) break;
    } finally {
      log.push(["body finally", v]);
      yield `finally ${v}`;
    }
  }
  return "end";
}

export const create = () => main();
