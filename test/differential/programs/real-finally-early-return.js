// Resource handling where finally blocks yield cleanup steps and sometimes return early,
// overriding the completion of the try (return, throw, break).
export const log = [];

/* @resumable */
function* withLock(name, body) {
  log.push(`lock ${name}`);
  try {
    return yield* body;
  } finally {
    const ack = yield `unlock ${name}?`;
    log.push(`unlock ${name} (${ack})`);
    if (ack === "force") return "forced";
  }
}

/* @resumable */
function* task(n) {
  for (let i = 0; i < n; i++) {
    const v = yield `work ${i}`;
    if (v === "fail") throw new Error(`task failed at ${i}`);
  }
  return `task ${n} ok`;
}

/* @resumable */
export function* main() {
  const results = [];
  for (const [name, n] of [["a", 2], ["b", 1], ["c", 3]]) {
    try {
      results.push(yield* withLock(name, task(n)));
    } catch (e) {
      results.push(`caught ${e.message}`);
    }
  }
  outer: for (let round = 0; round < 2; round++) {
    try {
      yield `round ${round}`;
      if (round === 0) continue outer;
      break outer;
    } finally {
      results.push(`finally round ${round}`);
      if (round === 1) return results;
    }
  }
  return "unreachable";
}

export const create = () => main();
export const sends = [undefined, 1, 2, "ok", "fail", "x", 5, "force", 7, 8, 9];
