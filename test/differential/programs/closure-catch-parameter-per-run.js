// Each run of a catch clause makes a binding of its own: closures made in a loop's catch keep
// their own exception, and a closure's write reaches only its run's binding.
export const log = [];

/* @resumable */
export function* main() {
  const readers = [];
  const writers = [];
  for (let i = 0; i < 3; i++) {
    try {
      throw new Error(`failure ${i}`);
    } catch (error) {
      readers.push(() => error.message);
      writers.push((value) => (error = value));
      yield error.message;
    }
  }
  writers[1]({ message: "replaced" });
  log.push(readers.map((read) => read()));
  let attempts = 0;
  const later = [];
  while (attempts < 2) {
    attempts++;
    try {
      yield attempts;
      JSON.parse("{");
    } catch (syntaxError) {
      later.push(() => syntaxError.constructor.name + attempts);
    }
  }
  log.push(later.map((describe) => describe()));
  return "end";
}

export const create = () => main();
// Closures are live at every yield but the first of the while loop (k = 4), where `later` is still empty.
export const snapshotRefusal = [1, 2, 3, 5];
