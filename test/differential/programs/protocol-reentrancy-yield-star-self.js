// yield* to the generator itself re-enters it: TypeError (caught inside, then it goes on).
export const log = [];

/* @resumable */
export function* main() {
  yield "first";
  try {
    yield* this.self;
  } catch (e) {
    log.push(["yield* self", e.constructor.name]);
  }
  yield "after";
}

export const create = () => {
  const holder = {};
  holder.self = main.call(holder);
  return holder.self;
};
// this holds the generator itself (a cycle through the generator object).
export const snapshotRefusal = "allowed";
