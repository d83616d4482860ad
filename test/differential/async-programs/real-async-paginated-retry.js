// Paginated API fetch with retries and exponential "backoff" (counted in
// microtask turns), a transient failure on some pages.
export const log = [];

const PAGES = [["a", "b"], ["c"], ["d", "e", "f"], []];
const fails = { 1: 2, 2: 1 };

function fetchPage(page, attempt) {
  log.push(`fetch ${page} try ${attempt}`);
  if ((fails[page] || 0) > attempt) return Promise.reject(new Error(`503 page ${page}`));
  return Promise.resolve({ items: PAGES[page].slice(), next: page + 1 < PAGES.length ? page + 1 : null });
}

async function backoff(n) {
  for (let i = 0; i < 2 ** n; i++) await null;
}

/* @resumable */
export async function* main(maxRetries) {
  let page = 0;
  let total = 0;
  while (page !== null) {
    let res;
    for (let attempt = 0; ; attempt++) {
      try {
        res = await fetchPage(page, attempt);
        break;
      } catch (e) {
        log.push(`retry after ${e.message}`);
        if (attempt >= maxRetries) throw e;
        await backoff(attempt);
      }
    }
    for (const item of res.items) {
      total++;
      const cmd = yield { page, item };
      if (cmd === "skip-page") break;
    }
    page = res.next;
  }
  return total;
}

export const create = () => main(3);
export const sends = [undefined, 1, "skip-page", 3, 4, 5, 6];
