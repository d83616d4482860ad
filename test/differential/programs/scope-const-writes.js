// A write to a const throws TypeError after what native code evaluates first
// (the value; for a compound write the old value and the operation, whose
// valueOf calls are observable), also from a closure, across a yield, and
// before the declaration (ReferenceError, the dead zone wins), and as the target
// of a destructuring or a for…in/of head.
export const log = [];

/* @resumable */
export function* main() {
  const count = 1;
  const boxed = {
    valueOf() {
      log.push("valueOf");
      return 2;
    },
  };
  try {
    count = (log.push("value"), 5);
  } catch (e) {
    log.push(["=", e.constructor.name]);
  }
  yield count;
  try {
    count += yield "compound";
  } catch (e) {
    log.push(["+= after yield", e.constructor.name]);
  }
  try {
    boxed++;
  } catch (e) {
    log.push(["++", e.constructor.name]);
  }
  try {
    boxed **= 2;
  } catch (e) {
    log.push(["**=", e.constructor.name]);
  }
  count ||= yield "short-circuited, no throw";
  try {
    count &&= (log.push("and value"), 0);
  } catch (e) {
    log.push(["&&=", e.constructor.name]);
  }
  const write = () => {
    count = 2;
  };
  try {
    write();
  } catch (e) {
    log.push(["closure", e.constructor.name]);
  }
  try {
    later = yield "before its declaration";
  } catch (e) {
    log.push(["tdz write", e.constructor.name]);
  }
  const later = 3;
  // Destructuring and for…in/of heads: the values before the target are read, then the write throws.
  const source = {
    get first() {
      log.push("get first");
      return 1;
    },
  };
  try {
    ({ first: count } = source);
  } catch (e) {
    log.push(["object pattern", e.constructor.name]);
  }
  try {
    [count = (log.push("default"), 4)] = [];
  } catch (e) {
    log.push(["array pattern default", e.constructor.name]);
  }
  try {
    [, ...count] = yield "pattern after yield";
  } catch (e) {
    log.push(["rest after yield", e.constructor.name]);
  }
  try {
    (() => {
      for (count of [7]);
    })();
  } catch (e) {
    log.push(["for-of head in closure", e.constructor.name]);
  }
  try {
    for (count in { key: 1 }) yield "never";
  } catch (e) {
    log.push(["for-in head", e.constructor.name]);
  }
  for (const item of [1, 2]) {
    try {
      item = yield item;
    } catch (e) {
      log.push(["loop const", e.constructor.name]);
    }
  }
  return [count, later, +boxed];
}

export const create = () => main();
// `write` (a closure) is live at the yields after it is made.
export const snapshotRefusal = "allowed";
