// A batch importer: nested for…of loops over resumable readers that log when closed; the
// loop body leaves through labeled break/continue and return inside try/finally blocks
// whose finally yields (flushing), so the loop's iterators are closed after the finally.
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
  fileLoop: for (const [name, rows] of Object.entries(files)) {
    const r = reader(name, rows);
    rowLoop: for (const row of r) {
      try {
        if (row === "skip-file") continue fileLoop;
        if (row === "stop") break fileLoop;
        if (row === "abort") return `aborted after ${imported}`;
        if (row === "") continue rowLoop;
        imported++;
        yield `${name}: ${row}`;
      } finally {
        const ack = yield `flush ${name} at ${row}`;
        if (ack === "fatal") throw new Error(`fatal while flushing ${name}`);
      }
    }
  }
  return `imported ${imported}`;
}

export const create = () =>
  main({ a: ["1", "", "2"], b: ["x", "skip-file", "never"], c: ["y", "stop", "never"], d: ["z"] });
