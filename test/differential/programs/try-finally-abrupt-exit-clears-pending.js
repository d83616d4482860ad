// A finally block left by a throw, a return or a break drops the completion that brought control into it:
// the next time the same finally block is reached normally, nothing old is replayed.
export const log = [];

/* @resumable */
export function* main() {
  for (let i = 0; i < 3; i++) {
    try {
      try {
        if (i === 0) return "stale return";
        yield `try ${i}`;
      } finally {
        yield `finally ${i}`;
        if (i === 0) throw new Error("replaces the return");
        if (i === 2) break;
      }
    } catch (error) {
      log.push(`caught ${error.message}`);
    }
    log.push(`after ${i}`);
  }
  for (let j = 0; j < 2; j++) {
    outer: for (const k of [0, 1]) {
      try {
        if (j === 0) continue outer;
        yield `inner ${j} ${k}`;
      } finally {
        yield `finally ${j} ${k}`;
        if (j === 0 && k === 0) break outer;
      }
    }
    log.push(`after j ${j}`);
  }
  return "end";
}

export const create = () => main();
