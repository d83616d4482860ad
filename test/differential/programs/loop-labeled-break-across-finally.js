// A labeled break crosses two try/finally blocks, whose finally blocks yield.
export const log = [];

/* @resumable */
export function* main() {
  outer: for (let i = 0; i < 3; i++) {
    try {
      for (let j = 0; j < 3; j++) {
        try {
          const sent = yield `body ${i}.${j}`;
          if (i === 1 && j === 1) break outer;
          if (sent === 40) break;
        } finally {
          log.push(["inner finally", i, j]);
          yield `inner finally ${i}.${j}`;
        }
      }
    } finally {
      log.push(["outer finally", i]);
      yield `outer finally ${i}`;
    }
  }
  log.push("after");
  return "end";
}

export const create = () => main();
