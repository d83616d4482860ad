// The caught exception is read in a loop of the catch block before a yield: the next iteration reads it
// again, so it must stay alive (and in a snapshot) at that yield, not only up to its last read in source order.
export const log = [];

/* @resumable */
export function* main() {
  try {
    yield "in try";
    throw new Error("thrown");
  } catch (error) {
    for (const item of ["a", "b", "c"]) {
      log.push(`${item}: ${error.message}`);
      yield item;
    }
  }
  return "end";
}

export const create = () => main();
