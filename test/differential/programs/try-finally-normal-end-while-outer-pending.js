// A finally block that ends normally jumps past its try statement, unless some
// completion is pending: here an outer return waits while a finally block runs
// a loop whose own try/finally blocks end normally, and a pending break
// crosses a finally block that ends normally in the next iteration.
export const log = [];

/* @resumable */
export function* main(n) {
  let round = 0;
  try {
    for (let i = 0; i < n; i++) {
      try {
        round = (yield `try ${i}`) ?? round;
        if (i === 2) break;
      } finally {
        log.push(`inner finally ${i}`);
      }
    }
    return "from try";
  } finally {
    for (let j = 0; j < 3; j++) {
      try {
        yield `cleanup ${j} after round ${round}`;
      } finally {
        log.push(`cleanup finally ${j}`);
      }
    }
    log.push("outer finally done");
  }
}

export const create = () => main(5);
