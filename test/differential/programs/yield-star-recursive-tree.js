// A resumable generator that delegates to itself to walk a tree depth-first.
export const log = [];

/* @resumable */
function* walk(node, depth) {
  const visit = yield `${"-".repeat(depth)}${node.name}`;
  if (visit === "skip") return 0;
  let count = 1;
  for (const child of node.children ?? []) {
    count += yield* walk(child, depth + 1);
  }
  return count;
}

const tree = {
  name: "root",
  children: [
    { name: "a", children: [{ name: "a1" }, { name: "a2", children: [{ name: "a2x" }] }] },
    { name: "b" },
    { name: "c", children: [{ name: "c1" }] },
  ],
};

/* @resumable */
export function* main() {
  const count = yield* walk(tree, 0);
  log.push(["visited", count]);
  return count;
}

export const create = () => main();
export const sends = [undefined, 1, 2, 3, 4, 5, "skip", 7, 8, 9];
// tree is a module-level object; the frames hold parts of it, which a restored
// process gets as copies (equal data, so the walk goes on the same way).
