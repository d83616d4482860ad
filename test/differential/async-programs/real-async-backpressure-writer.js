// A batching writer with backpressure: the consumer answers each batch
// with the sink's state ("ok", "full", or a number of slots); on "full" the
// generator awaits a drain (a few turns) before it continues; the last
// partial batch is flushed in finally, also on return().
export const log = [];

async function drain(rounds) {
  for (let i = 0; i < rounds; i++) await null;
  log.push(`drained after ${rounds}`);
}

/* @resumable */
export async function* main(items, size) {
  let batch = [];
  let written = 0;
  let slots = Infinity;
  try {
    for (const item of items) {
      batch.push(await Promise.resolve(item));
      if (batch.length >= Math.min(size, slots)) {
        const state = yield { write: batch };
        written += batch.length;
        batch = [];
        if (state === "full") await drain(3);
        slots = typeof state === "number" ? state : Infinity;
      }
    }
  } finally {
    if (batch.length) {
      log.push(`flush ${batch.join(",")}`);
      await null;
      written += batch.length;
    }
  }
  return written;
}

export const create = () => main(["a", "b", "c", "d", "e", "f", "g"], 3);
export const sends = [undefined, "full", 1, "ok", "ok", 2, "ok"];
