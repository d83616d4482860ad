// return() unwinds three finally blocks, each yielding, innermost first.
export const log = [];

/* @resumable */
export function* main() {
  try {
    try {
      try {
        yield "deep";
        yield "deep 2";
      } finally {
        yield "finally inner";
      }
    } finally {
      yield "finally middle";
    }
  } finally {
    yield "finally outer";
    log.push("all unwound");
  }
  return "normal";
}

export const create = () => main();
