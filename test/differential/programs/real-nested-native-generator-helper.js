// A resumable report generator that declares plain (native) generator helpers in its body:
// their `yield`s belong to them, not to the resumable body. One helper is iterated across
// a yield (a native iterator: refused there), the others are consumed before any yield.
export const log = [];

/* @resumable */
export function* main(rows) {
  function* range(start, end, step = 1) {
    for (let i = start; i < end; i += step) yield i;
  }
  const pairs = function* (list) {
    for (let i = 0; i + 1 < list.length; i += 2) yield [list[i], list[i + 1]];
  };
  const evens = [...range(0, 10, 2)];
  yield evens;
  const grouped = Array.from(pairs(rows), ([a, b]) => `${a}&${b}`);
  yield grouped;
  let sum = 0;
  for (const i of range(0, rows.length)) {
    sum += rows[i].length;
    yield `row ${i}: ${rows[i]}`;
  }
  log.push(sum);
  return sum;
}

export const create = () => main(["ab", "cde", "f", "ghij", "k"]);
// range() is a native generator iterated across the loop's yields; `range`/`pairs` are closures
export const snapshotRefusal = "allowed";
