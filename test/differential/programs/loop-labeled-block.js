// break out of a labeled block (not a loop).
export const log = [];

/* @resumable */
export function* main(x) {
  block: {
    yield "in block";
    if (x > 0) break block;
    log.push("not skipped");
    yield "unreachable for positive x";
  }
  second: {
    const sent = yield "second";
    if (sent === 20) break second;
    log.push(["sent", sent]);
  }
  return "done";
}

export const create = () => main(1);
