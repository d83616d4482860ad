// The batch importer with a return inside the nested loops (closing both readers after the
// finally that yields) and an error thrown from a finally block.
export const log = [];

/* @resumable */
function* reader(name, rows) {
  try {
    for (const row of rows) yield row;
  } finally {
    log.push(`close ${name}`);
  }
}

/* @resumable */
export function* main(files) {
  let imported = 0;
  try {
    for (const [name, rows] of Object.entries(files)) {
      for (const row of reader(name, rows)) {
        try {
          if (row === "abort") return `aborted after ${imported}`;
          imported++;
          yield `${name}: ${row}`;
        } finally {
          const ack = yield `flush ${name} at ${row}`;
          if (ack === "fatal") throw new Error(`fatal while flushing ${name}`);
        }
      }
    }
  } catch (e) {
    log.push(e.message);
    return "failed";
  }
  return `imported ${imported}`;
}

export const create = () => main({ a: ["1", "2"], b: ["3", "abort", "never"] });
export const sends = [undefined, 1, 2, 3, 4, 5, 6, 7, 8];
