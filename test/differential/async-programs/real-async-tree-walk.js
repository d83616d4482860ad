// A recursive async tree walk with yield* (depth-first), lazily "loading"
// children with awaits; pruning by a value sent with next().
export const log = [];

const TREE = {
  name: "root",
  kids: [
    {
      name: "a",
      kids: [
        { name: "a1", kids: [] },
        { name: "a2", kids: [{ name: "a2x", kids: [] }] },
      ],
    },
    { name: "b", kids: [] },
    { name: "c", kids: [{ name: "c1", kids: [] }] },
  ],
};

async function loadKids(node) {
  await null;
  return node.kids.map((k) => k.name);
}

function find(node, name) {
  if (node.name === name) return node;
  for (const k of node.kids) {
    const f = find(k, name);
    if (f) return f;
  }
  return null;
}

/* @resumable */
export async function* walk(name, depth) {
  const cmd = yield `${"  ".repeat(depth)}${name}`;
  if (cmd === "prune") return 0;
  let count = 1;
  for (const kid of await loadKids(find(TREE, name))) {
    count += yield* walk(kid, depth + 1);
  }
  return count;
}

/* @resumable */
export async function* main() {
  const n = yield* walk("root", 0);
  return `visited ${n}`;
}

export const create = () => main();
export const sends = [undefined, 1, "prune", 3, 4, 5, 6, 7];
