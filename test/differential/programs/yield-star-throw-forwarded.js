// throw() reaches the innermost resumable delegate, which catches it and goes on.
export const log = [];

/* @resumable */
function* resilient() {
  let failures = 0;
  for (let i = 0; i < 4; i++) {
    try {
      yield `resilient ${i}`;
    } catch (e) {
      failures++;
      log.push(["delegate caught", e instanceof Error ? e.message : e]);
    }
  }
  return failures;
}

/* @resumable */
export function* main() {
  const failures = yield* resilient();
  yield `failures: ${failures}`;
  return failures;
}

export const create = () => main();
