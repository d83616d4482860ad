// Cancellation via return() while finally blocks await cleanup (closing a
// "connection", flushing a buffer), nested, with a yield in the finally.
export const log = [];

// connections are plain data (savable); closing is a module-level function
const conn = (name) => ({ name, open: true });
function close(c) {
  log.push(`closing ${c.name}`);
  return Promise.resolve().then(() => {
    c.open = false;
    log.push(`closed ${c.name}`);
  });
}

/* @resumable */
export async function* main() {
  const outer = conn("db");
  const buffer = [];
  try {
    for (let i = 0; i < 3; i++) {
      const inner = conn(`cursor${i}`);
      try {
        buffer.push(i);
        yield `row ${i}`;
        await null;
        buffer.push(i * 10);
        yield `row ${i}b`;
      } finally {
        await close(inner);
        log.push(`buffer ${buffer.join(",")}`);
      }
    }
  } finally {
    const flushed = yield `flush ${buffer.length}`;
    log.push(`flush ack ${flushed}`);
    await close(outer);
  }
  return "done";
}

export const create = () => main();
