// A rate limiter: a token bucket refilled every N microtask turns; requests
// wait by awaiting null in a loop; results are yielded in order.
export const log = [];

async function turns(n) {
  for (let i = 0; i < n; i++) await null;
}

/* @resumable */
export async function* main(requests, capacity) {
  let tokens = capacity;
  let clock = 0;
  const served = [];
  for (const req of requests) {
    while (tokens === 0) {
      await turns(2);
      clock += 2;
      tokens = Math.min(capacity, tokens + 1);
      log.push(`refill at ${clock}`);
    }
    tokens--;
    served.push(req);
    const feedback = yield `${req} at ${clock} (${tokens} left)`;
    if (feedback === "burst") tokens = 0;
  }
  return served.length;
}

export const create = () => main(["r1", "r2", "r3", "r4", "r5"], 2);
export const sends = [undefined, "ok", "burst", "ok", "ok", "ok"];
