// A closure reads the variable, not a copy: it sees assignments made after it was created, across yields.
export const log = [];

/* @resumable */
export function* main() {
  let value = "initial";
  const read = () => value;
  const write = (v) => {
    value = v;
  };
  yield read();
  value = yield "send a new value";
  yield read();
  write("written by closure");
  yield value;
  log.push(read());
  return read();
}

export const create = () => main();
export const snapshotRefusal = true;
