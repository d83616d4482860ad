// A label spelled like a local or parameter (`rows: for (const row of rows)`,
// `done: if (done)`) is a label: its own namespace, not the local.
export const log = [];

/* @resumable */
export function* main(rows) {
  let done = false;
  let total = 0;
  rows: for (const row of rows) {
    for (const cell of row) {
      if (cell === null) continue rows;
      total += cell;
    }
    done = (yield total) === "stop";
    done: if (done) {
      log.push("stopping");
      break rows;
    }
  }
  // In a closure of the body too, where the local is captured.
  const firstPositive = () => {
    total: for (const row of rows) {
      for (const cell of row) {
        if (cell > 0) {
          log.push(["first positive", cell, total]);
          break total;
        }
      }
    }
  };
  firstPositive();
  return total;
}

export const create = () => main([[1, 2], [3, null, 4], [5]]);
export const sends = [undefined, 1, "stop"];
