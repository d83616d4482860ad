// continue/break to an outer label from inside for await over resumable
// async generators: the inner loop's iterator is closed (its finally
// awaits) on every exit, inside try/finally that also awaits.
export const log = [];

/* @resumable */
export async function* rows(table) {
  try {
    for (let i = 0; i < 4; i++) {
      await Promise.resolve();
      yield `${table}.${i}`;
    }
  } finally {
    await null;
    log.push(`close ${table}`);
  }
}

/* @resumable */
export async function* main() {
  let seen = 0;
  tables: for (const t of ["t1", "t2", "t3"]) {
    try {
      for await (const row of rows(t)) {
        seen++;
        if (row === "t1.1") continue tables;
        if (row === "t2.2") break tables;
        const r = yield row;
        if (r === "skip") continue tables;
      }
    } finally {
      await null;
      log.push(`after ${t} seen ${seen}`);
    }
  }
  return seen;
}

export const create = () => main();
export const sends = [undefined, 1, "skip", 3, 4, 5];
