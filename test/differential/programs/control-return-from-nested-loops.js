// return from deep inside nested loops and a switch, with a finally in between.
export const log = [];

/* @resumable */
export function* main(target) {
  try {
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 3; b++) {
        switch (a * 3 + b) {
          case target:
            return [a, b];
          default:
            yield a * 3 + b;
        }
      }
    }
    return "not found";
  } finally {
    log.push("finally on the way out");
  }
}

export const create = () => main(5);
