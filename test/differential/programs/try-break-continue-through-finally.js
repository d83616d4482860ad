// break and continue leave a try whose finally yields, inside loops.
export const log = [];

/* @resumable */
export function* main() {
  const seen = [];
  for (let i = 0; i < 4; i++) {
    try {
      if (i === 1) continue;
      if (i === 3) break;
      seen.push(i);
      yield `body ${i}`;
    } finally {
      yield `finally ${i}`;
    }
  }
  let j = 0;
  while (j < 3) {
    j++;
    try {
      try {
        if (j === 2) continue;
        yield `while ${j}`;
      } finally {
        log.push(["inner finally", j]);
      }
    } finally {
      yield `outer finally ${j}`;
    }
  }
  return seen;
}

export const create = () => main();
