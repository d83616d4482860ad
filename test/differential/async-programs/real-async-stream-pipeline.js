// Async lines -> parsed records -> batches, composed from resumable async
// generators with for await, an early break and a trailing partial batch.
export const log = [];

const TEXT = "id,qty\n1,5\n2,x\n3,7\n\n4,1\n5,2\n6,9\n7,3";

/* @resumable */
export async function* lines(text) {
  let start = 0;
  while (start <= text.length) {
    await Promise.resolve();
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    yield line;
  }
}

/* @resumable */
export async function* records(src) {
  let header = null;
  try {
    for await (const line of src) {
      if (line === "") continue;
      const cells = line.split(",");
      if (!header) {
        header = cells;
        continue;
      }
      const rec = {};
      header.forEach((h, i) => (rec[h] = cells[i]));
      if (Number.isNaN(Number(rec.qty))) {
        log.push(`bad record ${line}`);
        continue;
      }
      rec.qty = Number(rec.qty);
      yield rec;
    }
  } finally {
    log.push("records closed");
  }
}

/* @resumable */
export async function* batches(src, size) {
  let batch = [];
  for await (const r of src) {
    batch.push(r);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/* @resumable */
export async function* main() {
  let sum = 0;
  for await (const b of batches(records(lines(TEXT)), 2)) {
    const s = b.reduce((a, r) => a + r.qty, 0);
    sum += s;
    const ack = yield `batch ${b.map((r) => r.id).join("+")} = ${s}`;
    if (sum > 15) {
      log.push(`stop at ${sum} ack ${ack}`);
      break;
    }
  }
  return sum;
}

export const create = () => main();
