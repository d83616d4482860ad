// CSP-style processes connected by channel objects: each process is a resumable generator
// holding its channels; the channels hold references back to the processes blocked on them
// (a cycle through the generators), and a small scheduler moves values between them.
export const log = [];

/* @resumable */
function* producer(out, n) {
  for (let i = 1; i <= n; i++) {
    out.buffer.push(i * i);
    yield "produced";
  }
  out.closed = true;
  return "producer done";
}

/* @resumable */
function* consumer(inp, results) {
  for (;;) {
    if (inp.buffer.length) results.push(inp.buffer.shift());
    else if (inp.closed) return "consumer done";
    yield "waiting";
  }
}

/* @resumable */
export function* main() {
  const chan = { buffer: [], closed: false, procs: [] };
  const results = [];
  const procs = [producer(chan, 3), consumer(chan, results)];
  chan.procs = procs;
  const finished = [];
  let turn = 0;
  while (finished.length < procs.length) {
    const p = chan.procs[turn++ % procs.length];
    if (finished.includes(p)) continue;
    const r = p.next();
    if (r.done) finished.push(p);
    yield { turn, status: r.value, buffered: chan.buffer.length, results: results.slice() };
  }
  log.push(results);
  return finished.map((p) => procs.indexOf(p));
}

export const create = () => main();
