// Tree walkers: an explicit-stack pre-order DFS, a BFS with a queue and Map of depths,
// and a recursive post-order via yield*; a Set of visited nodes guards a shared subtree.
export const log = [];

function makeTree() {
  const shared = { id: "shared", children: [{ id: "leaf-s", children: [] }] };
  return {
    id: "root",
    children: [
      { id: "a", children: [{ id: "a1", children: [] }, shared] },
      { id: "b", children: [shared, { id: "b1", children: [{ id: "b1x", children: [] }] }] },
    ],
  };
}

/* @resumable */
function* postOrder(node, depth) {
  for (const child of node.children) yield* postOrder(child, depth + 1);
  yield `${"  ".repeat(depth)}${node.id}`;
}

/* @resumable */
export function* main() {
  const root = makeTree();
  const visited = new Set();
  const stack = [root];
  while (stack.length) {
    const node = stack.pop();
    if (visited.has(node)) {
      yield `skip ${node.id}`;
      continue;
    }
    visited.add(node);
    yield `pre ${node.id}`;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  const depth = new Map([[root, 0]]);
  const queue = [root];
  let head = 0;
  while (head < queue.length) {
    const node = queue[head++];
    const d = depth.get(node);
    const cmd = yield `bfs ${node.id}@${d}`;
    if (cmd === "prune") continue;
    for (const child of node.children) {
      if (!depth.has(child)) {
        depth.set(child, d + 1);
        queue.push(child);
      }
    }
  }
  const lines = [];
  for (const line of postOrder(root, 0)) lines.push(line);
  yield* postOrder(root.children[1], 1);
  log.push(lines.join("|"), visited.size, depth.size);
  return [...depth].map(([n, d]) => `${n.id}:${d}`).join(",");
}

export const create = () => main();
export const sends = [undefined, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, "prune", 13];
