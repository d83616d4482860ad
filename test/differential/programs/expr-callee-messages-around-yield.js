// A call whose arguments yield, of something that is not a function: the
// callee is read before the arguments, and the TypeError names it as V8
// does ("f is not a function", "(a || b) is not a function", a conditional as
// three intermediate values), not by its value.
export const log = [];

/* @resumable */
export function* main(a, b) {
  let f = null;
  f = 6;
  try {
    f(yield "name");
  } catch (e) {
    log.push(`${e.constructor.name}: ${e.message}`);
  }
  try {
    (a || b)(yield "operator");
  } catch (e) {
    log.push(`${e.constructor.name}: ${e.message}`);
  }
  try {
    (0, b)(yield "comma");
  } catch (e) {
    log.push(`${e.constructor.name}: ${e.message}`);
  }
  try {
    b.c.d(yield "member");
  } catch (e) {
    log.push(`${e.constructor.name}: ${e.message}`);
  }
  try {
    (a ? f : b)(yield "conditional");
  } catch (e) {
    log.push(`${e.constructor.name}: ${e.message}`);
  }
  try {
    [...(a ? f : b), yield "spread"];
  } catch (e) {
    log.push(`${e.constructor.name}: ${e.message}`);
  }
  try {
    (yield "value")(1);
  } catch (e) {
    log.push(`${e.constructor.name}: ${e.message}`);
  }
  return "done";
}

export const create = () => main(0, { c: {} });
export const sends = [undefined, 1, 2, 3, 4, 5, 6, 7];
