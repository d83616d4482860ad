// A data pipeline: lines → records → shuffled (seeded PRNG held in locals) → batches,
// over several epochs. Every stage is a resumable generator consuming the previous one.
export const log = [];

const TEXT = `id,name,score
1,ann,7
2,bob,x
3,cy,9

4,dee,5
5,eve,10
6,fay,3`;

/* @resumable */
function* lines(text) {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    yield text.slice(start, end);
    start = end + 1;
  }
}

/* @resumable */
function* records(source) {
  let header = null;
  let lineNo = 0;
  for (const line of source) {
    lineNo++;
    if (line.trim() === "") continue;
    const cells = line.split(",");
    if (!header) {
      header = cells;
      continue;
    }
    const rec = Object.fromEntries(header.map((h, i) => [h, cells[i]]));
    const score = Number(rec.score);
    if (Number.isNaN(score)) {
      log.push(`bad score on line ${lineNo}`);
      continue;
    }
    yield { ...rec, id: Number(rec.id), score };
  }
}

/* @resumable */
function* shuffled(source, bufferSize, seed) {
  let state = seed >>> 0;
  const buffer = [];
  for (const item of source) {
    buffer.push(item);
    if (buffer.length >= bufferSize) {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      const j = Math.floor((state / 2 ** 32) * buffer.length);
      [buffer[j], buffer[buffer.length - 1]] = [buffer[buffer.length - 1], buffer[j]];
      yield buffer.pop();
    }
  }
  while (buffer.length) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      const j = Math.floor((state / 2 ** 32) * buffer.length);
    yield buffer.splice(j, 1)[0];
  }
}

/* @resumable */
function* batches(source, size) {
  let batch = [];
  for (const item of source) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/* @resumable */
export function* main(epochs) {
  let seen = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const stream = batches(shuffled(records(lines(TEXT)), 3, 42 + epoch), 2);
    for (const batch of stream) {
      seen += batch.length;
      yield { epoch, ids: batch.map((r) => r.id), total: batch.reduce((s, r) => s + r.score, 0) };
    }
  }
  return seen;
}

export const create = () => main(2);
