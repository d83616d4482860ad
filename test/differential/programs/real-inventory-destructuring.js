// An inventory reconciler: destructuring in for…of heads with defaults and rest,
// nested patterns, swaps, and destructuring of values sent in through next().
export const log = [];

/* @resumable */
export function* main(items) {
  const totals = {};
  let skipped = 0;
  for (const { sku, qty = 1, tags: [primary = "misc", ...others] = [], ...meta } of items) {
    if (!sku) {
      skipped++;
      continue;
    }
    const { delta = 0, note } = (yield { sku, qty, primary, others: others.length, meta: Object.keys(meta) }) ?? {};
    totals[primary] = (totals[primary] ?? 0) + qty + delta;
    if (note) log.push(`${sku}: ${note}`);
  }
  let [low, high] = [totals.misc ?? 0, totals.tools ?? 0];
  if (low > high) [low, high] = [high, low];
  const [[firstKey, firstVal] = [], ...restEntries] = Object.entries(totals);
  log.push({ low, high, firstKey, firstVal, rest: restEntries.length, skipped });
  return totals;
}

export const create = () =>
  main([
    { sku: "h1", qty: 2, tags: ["tools", "heavy"], weight: 3 },
    { sku: "", qty: 9 },
    { sku: "s1", tags: [] },
    { sku: "n1", qty: 5, tags: [undefined, "x", "y"], color: "red", size: "m" },
  ]);
export const sends = [undefined, { delta: 1, note: "recount" }, null, { delta: -2 }];
