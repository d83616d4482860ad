// for-in over an array gives string indices (holes skipped, extra props last); over a primitive string too.
export const log = [];

/* @resumable */
export function* main() {
  const array = ["a", , "c"];
  for (const index in array) {
    log.push(typeof index);
    yield index;
  }
  for (const index in "hi") yield ["string", index];
  for (const index in null) yield "never";
  for (const index in undefined) yield "never";
  for (var v in { only: 1 }) yield v;
  return v;
}

export const create = () => main();
