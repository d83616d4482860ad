// Merging two resumable async sources by racing their next() calls: the
// loser's request stays in flight (and is reused next round), so a snapshot
// while one is pending must be refused; once both are drained it works.
export const log = [];

/* @resumable */
export async function* source(name, n, delay) {
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < delay; k++) await null;
    yield `${name}${i}`;
  }
}

/* @resumable */
export async function* main() {
  const gens = [source("fast", 3, 1), source("slow", 2, 4)];
  const pending = [null, null];
  let live = 2;
  while (live > 0) {
    for (let i = 0; i < 2; i++) {
      if (gens[i] && !pending[i]) pending[i] = gens[i].next().then((r) => ({ i, r }));
    }
    const { i, r } = await Promise.race(pending.filter(Boolean));
    pending[i] = null;
    if (r.done) {
      gens[i] = null;
      live--;
      continue;
    }
    yield r.value;
  }
  return "merged";
}

export const create = () => main();
// A request on a source (and its promise in `pending`) is in flight at most
// yields: refusing there is right; the snapshot taken where none is pending
// must restore.
export const snapshotRefusal = "allowed";
