// for-in heads that assign to an existing variable and to a member expression.
export const log = [];

/* @resumable */
export function* main() {
  let last;
  const holder = { slot: null };
  for (last in { p: 1, q: 2 }) yield last;
  for (holder.slot in { r: 1, s: 2 }) {
    yield holder.slot;
  }
  log.push(last, holder.slot);
  return [last, holder];
}

export const create = () => main();
