// A throw() the delegate does not catch unwinds the delegate (finally) and reaches the outer catch.
export const log = [];

/* @resumable */
function* fragile() {
  try {
    yield "fragile 1";
    yield "fragile 2";
  } finally {
    log.push("fragile finally");
  }
}

/* @resumable */
export function* main() {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      yield* fragile();
      log.push(["attempt finished", attempt]);
    } catch (e) {
      log.push(["outer caught", attempt, e instanceof Error ? e.message : e]);
    }
  }
  return "end";
}

export const create = () => main();
