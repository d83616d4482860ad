// A retrying HTTP-like client: exponential backoff with deterministic jitter (an xorshift
// PRNG in locals), a circuit breaker counter, and responses sent in through next(value).
export const log = [];

/* @resumable */
export function* main(requests, seed) {
  let x = seed | 0 || 1;
  let consecutiveFailures = 0;
  const results = [];
  for (const req of requests) {
    let delay = 100;
    let attempt = 0;
    let result = null;
    while (attempt < 4) {
      if (consecutiveFailures >= 5) {
        result = { req, status: "circuit-open" };
        break;
      }
      const response = yield { req, attempt, wait: attempt === 0 ? 0 : delay };
      const status = typeof response === "number" ? response : 200;
      if (status < 500) {
        consecutiveFailures = 0;
        result = { req, status };
        break;
      }
      consecutiveFailures++;
      attempt++;
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      const jitter = (x >>> 0) % 50;
      delay = Math.min(delay * 2, 1000) + jitter;
    }
    results.push(result ?? { req, status: "gave-up" });
  }
  log.push(results);
  return results.map((r) => r.status);
}

export const create = () => main(["/a", "/b", "/c"], 7);
export const sends = [undefined, 503, 502, 200, 500, 500, 500, 500, 404];
