// For bench/experiments/held-method.js: a method call whose arguments yield,
// the pattern whose method the compiled code reads before the yield and keeps
// in a temporary (runtime/held-method.ts).

/* @resumable */
export function* pusher(count) {
  const items = [];
  for (let i = 0; i < count; i++) {
    items.push(yield i);
    if (items.length > 64) items.length = 0;
  }
  return items.length;
}
