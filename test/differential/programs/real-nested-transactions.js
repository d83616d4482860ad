// Nested database transactions with savepoints: each level's finally yields a commit or
// rollback step, and labeled breaks, continues, returns and errors cross two or three
// finally blocks that each suspend (the pending completion is saved with the frame).
export const log = [];

/* @resumable */
export function* main(batches) {
  const applied = [];
  let batchNo = 0;
  outer: for (const batch of batches) {
    batchNo++;
    let txOk = false;
    try {
      yield `BEGIN ${batchNo}`;
      for (const op of batch) {
        let spOk = false;
        try {
          yield `SAVEPOINT ${op}`;
          if (op === "skip-batch") continue outer;
          if (op === "stop-all") break outer;
          if (op === "return") return { applied, early: true };
          if (op.startsWith("bad")) throw new Error(`constraint violation in ${op}`);
          applied.push(op);
          spOk = true;
        } catch (e) {
          log.push(`rollback to savepoint: ${e.message}`);
          if (op === "bad-fatal") throw e;
        } finally {
          yield spOk ? `RELEASE ${op}` : `ROLLBACK TO ${op}`;
        }
      }
      txOk = true;
    } catch (e) {
      log.push(`tx ${batchNo} failed: ${e.message}`);
    } finally {
      const ack = yield txOk ? `COMMIT ${batchNo}` : `ROLLBACK ${batchNo}`;
      if (ack === "lost-connection") return { applied, lost: batchNo };
    }
  }
  return { applied, batches: batchNo };
}

export const create = () =>
  main([["a", "bad-1", "b"], ["c", "skip-batch", "never"], ["d", "bad-fatal"], ["e", "stop-all"], ["f"]]);
