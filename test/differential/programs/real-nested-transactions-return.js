// The nested-transactions workflow with a return crossing both finally blocks, and the
// host answering a commit with "lost-connection" (a return from a finally that overrides).
export const log = [];

/* @resumable */
export function* main(batches) {
  const applied = [];
  let batchNo = 0;
  for (const batch of batches) {
    batchNo++;
    try {
      yield `BEGIN ${batchNo}`;
      for (const op of batch) {
        try {
          yield `SAVEPOINT ${op}`;
          if (op === "return") return { applied, early: true };
          applied.push(op);
        } finally {
          const r = yield `RELEASE ${op}`;
          if (r === "fail-release") throw new Error(`release of ${op} failed`);
        }
      }
    } finally {
      const ack = yield `END ${batchNo}`;
      if (ack === "lost-connection") return { applied, lost: batchNo };
    }
  }
  return { applied, batches: batchNo };
}

export const create = () => main([["a", "b"], ["c", "return", "never"]]);
export const sends = [undefined, 1, 2, 3, 4, 5, "ok", 7, 8, 9, 10, 11, 12, "lost-connection"];
