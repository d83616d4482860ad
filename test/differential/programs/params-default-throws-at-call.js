// A default parameter that throws makes the call itself throw; no generator is created.
export const log = [];

function fail() {
  log.push("default running");
  throw new Error("default failed");
}

/* @resumable */
export function* main(a = fail()) {
  log.push("body must not run");
  yield a;
}

export const create = () => main();
