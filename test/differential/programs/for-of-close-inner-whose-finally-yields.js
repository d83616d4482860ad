// Leaving a for-of closes the inner resumable generator; when the inner's finally yields,
// its return() comes back not done and the loop ignores that: the inner stays suspended.
export const log = [];

/* @resumable */
function* stubborn() {
  try {
    yield "inner 1";
    yield "inner 2";
  } finally {
    log.push("inner finally started");
    yield "inner finally yield";
    log.push("inner finally finished");
  }
}

/* @resumable */
export function* main() {
  const inner = stubborn();
  for (const v of inner) {
    yield `outer saw ${v}`;
    break;
  }
  log.push(["after loop", inner.next()]);
  log.push(["after loop again", inner.next()]);
  return "end";
}

export const create = () => main();
