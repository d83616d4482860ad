// A loop that catches every error the driver throws in and keeps going.
export const log = [];

/* @resumable */
export function* main() {
  const errors = [];
  for (let i = 0; i < 5; i++) {
    try {
      const sent = yield i;
      log.push(["sent", sent]);
    } catch (e) {
      errors.push(e instanceof Error ? e.message : String(e));
      log.push(["caught", i]);
    }
  }
  return errors;
}

export const create = () => main();
