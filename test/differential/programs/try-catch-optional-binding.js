// catch without a binding, and catch whose binding shadows an outer variable.
export const log = [];

/* @resumable */
export function* main() {
  const e = "outer e";
  try {
    yield 1;
    JSON.parse("{not json");
  } catch {
    log.push("parse failed");
    yield "in bindingless catch";
  }
  try {
    throw "inner e";
  } catch (e) {
    yield e;
    log.push(["shadowed", e]);
  }
  log.push(["outer again", e]);
  return e;
}

export const create = () => main();
