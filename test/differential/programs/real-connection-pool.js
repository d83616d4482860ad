// A connection pool whose connections are resumable generators with cleanup in finally
// blocks that yield (graceful close handshakes). The pool return()s and throw()s into
// connections, leaving them suspended inside their finally with a pending completion,
// and keeps them across its own yields.
export const log = [];

/* @resumable */
function* connection(id) {
  let sent = 0;
  try {
    while (true) {
      const msg = yield `conn${id} ready (${sent})`;
      sent++;
      if (msg === "bye") return `conn${id} closed normally`;
    }
  } finally {
    const ack = yield `conn${id} closing after ${sent}`;
    log.push(`conn${id} close ack ${String(ack)}`);
  }
}

/* @resumable */
export function* main() {
  const pool = [connection(1), connection(2), connection(3)];
  for (const c of pool) c.next();
  pool[0].next("hello");
  const r0 = pool[0].return("shutdown");
  const r1 = pool[1].throw(new RangeError("link down"));
  const r2 = pool[2].next("bye");
  const step = yield [r0.value, r1.value, r2.value];
  const out = [];
  for (const c of pool) {
    try {
      out.push(c.next(step ?? "ack"));
    } catch (e) {
      out.push(`threw ${e.name}: ${e.message}`);
    }
    yield out.at(-1);
  }
  log.push(pool.map((c) => c.next().done));
  return out;
}

export const create = () => main();
