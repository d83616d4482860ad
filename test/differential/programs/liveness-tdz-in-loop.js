// A let declared later in a loop body is in its dead zone after the yield on
// every round, also after a restore; once declared it is written before it is
// read again, so it is dead at the later yield.
export const log = [];

/* @resumable */
export function* main() {
  for (let n = 0; n < 3; n++) {
    yield n;
    try {
      log.push(late);
    } catch (e) {
      log.push(["tdz", e.constructor.name]);
    }
    let late = `late${n}`;
    log.push(late);
    yield late;
  }
  let outer = "o";
  for (let n = 0; n < 2; n++) {
    outer = `${outer}${n}`;
    {
      yield outer;
      try {
        log.push(inner);
      } catch (e) {
        log.push(["inner tdz", e.constructor.name]);
      }
      const inner = outer;
      log.push(inner);
    }
  }
  return outer;
}

export const create = () => main();
