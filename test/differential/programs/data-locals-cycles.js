// A cyclic structure in a local survives yields with its cycle intact.
export const log = [];

/* @resumable */
export function* main() {
  const node = { name: "a" };
  node.self = node;
  const list = [node];
  list.push(list);
  yield "built";
  node.name = "renamed";
  yield [node.self.name, list[1] === list, list[0].self === node];
  return node.self.self.name;
}

export const create = () => main();
