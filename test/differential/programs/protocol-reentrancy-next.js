// A generator that calls its own next() while running gets a TypeError; it can catch it and go on.
export const log = [];

/* @resumable */
export function* main() {
  yield "started";
  try {
    this.self.next();
    log.push("re-entry did not throw");
  } catch (e) {
    log.push(["re-entry", e.constructor.name]);
  }
  yield "still running";
  return "end";
}

export const create = () => {
  const holder = {};
  holder.self = main.call(holder);
  return holder.self;
};
// this holds the generator itself (a cycle through the generator object).
export const snapshotRefusal = "allowed";
