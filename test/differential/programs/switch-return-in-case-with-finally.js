// return from inside a case, inside try/finally, inside a loop.
export const log = [];

/* @resumable */
export function* main() {
  for (let i = 0; ; i++) {
    try {
      switch (yield i) {
        case 30:
          return "returned on 30";
        default:
          log.push(["default", i]);
      }
    } finally {
      log.push(["finally", i]);
      if (i > 10) break;
    }
  }
  return "loop ended";
}

export const create = () => main();
