// Dijkstra with a binary heap stored in an array of [dist, node] pairs, distances in a Map,
// predecessors in a null-prototype object; yields each settled node and the final paths.
export const log = [];

const EDGES = [["A", "B", 4], ["A", "C", 1], ["C", "B", 2], ["B", "D", 1], ["C", "D", 5], ["D", "E", 3], ["F", "E", 1]];

/* @resumable */
export function* main(source) {
  const graph = new Map();
  for (const [u, v, w] of EDGES) {
    if (!graph.has(u)) graph.set(u, []);
    if (!graph.has(v)) graph.set(v, []);
    graph.get(u).push([v, w]);
    graph.get(v).push([u, w]);
  }
  const dist = new Map([[source, 0]]);
  const prev = Object.create(null);
  const heap = [[0, source]];
  const settled = new Set();
  while (heap.length) {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < heap.length && heap[l][0] < heap[m][0]) m = l;
        if (r < heap.length && heap[r][0] < heap[m][0]) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
    const [d, u] = top;
    if (settled.has(u)) continue;
    settled.add(u);
    const cmd = yield `settle ${u} at ${d}`;
    if (cmd === "halt") break;
    for (const [v, w] of graph.get(u)) {
      const nd = d + w;
      if (nd < (dist.get(v) ?? Infinity)) {
        dist.set(v, nd);
        prev[v] = u;
        heap.push([nd, v]);
        for (let i = heap.length - 1; i > 0; ) {
          const p = (i - 1) >> 1;
          if (heap[p][0] <= heap[i][0]) break;
          [heap[p], heap[i]] = [heap[i], heap[p]];
          i = p;
        }
      }
    }
  }
  for (const target of [...dist.keys()].sort()) {
    const path = [];
    for (let n = target; n !== undefined; n = prev[n]) path.unshift(n);
    yield `${target}: ${path.join(">")} (${dist.get(target)})`;
  }
  log.push(Object.keys(prev).sort());
  return settled.size;
}

export const create = () => main("A");
