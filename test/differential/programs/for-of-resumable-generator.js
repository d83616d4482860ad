// for-of over another resumable generator; breaking out closes it (its finally runs).
export const log = [];

/* @resumable */
function* countdown(from) {
  try {
    for (let i = from; i > 0; i--) {
      const sent = yield i;
      log.push(["inner got", sent]);
    }
    return "inner done";
  } finally {
    log.push(["inner finally", from]);
  }
}

/* @resumable */
export function* main() {
  const seen = [];
  for (const n of countdown(3)) {
    seen.push(n);
    yield n * 100;
  }
  for (const n of countdown(5)) {
    if (n === 3) break;
    yield n * 1000;
  }
  log.push(seen);
  return seen.length;
}

export const create = () => main();
