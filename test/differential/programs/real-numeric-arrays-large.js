// Numeric state as a training loop keeps it: a 300-element plain array of numbers with
// -0, NaN, Infinity and a hole, a Float64Array weight vector with a subarray view sharing
// its buffer, a BigInt64Array of counters, and an Int32Array histogram.
export const log = [];

/* @resumable */
export function* main(n) {
  const losses = Array.from({ length: n }, (_, i) => Math.sin(i) / (i + 1));
  losses[5] = -0;
  losses[6] = NaN;
  losses[7] = Infinity;
  delete losses[8];
  const weights = new Float64Array(16).fill(0.5);
  const head = weights.subarray(0, 4);
  const counters = new BigInt64Array(3);
  const hist = new Int32Array(10);
  for (let epoch = 0; epoch < 3; epoch++) {
    for (let i = 0; i < head.length; i++) head[i] *= 1.5;
    counters[epoch] = BigInt(epoch) * 2n ** 40n - 1n;
    hist[epoch * 3] += n;
    losses.push(epoch / 3);
    const lr = yield { epoch, w0: weights[0], tail: weights[15], len: losses.length };
    if (typeof lr === "number") weights[15] += lr;
  }
  log.push(Object.is(losses[5], -0), Number.isNaN(losses[6]), 8 in losses, losses[7], head.buffer === weights.buffer);
  log.push(Array.from(counters, String), Array.from(hist));
  return losses.slice(0, 10).map((x) => (Number.isFinite(x) ? Math.round(x * 1e6) : String(x)));
}

export const create = () => main(300);
export const sends = [undefined, 0.25, -1];
