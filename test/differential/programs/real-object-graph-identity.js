// An object graph as a social network model keeps it: nodes referencing each other in
// cycles, a Map with object keys, a Set shared between two holders, an array containing
// itself, and identity checks after each yield.
export const log = [];

/* @resumable */
export function* main() {
  const alice = { name: "alice", friends: [] };
  const bob = { name: "bob", friends: [alice] };
  alice.friends.push(bob, alice);
  const tags = new Set(["x"]);
  const profiles = new Map([[alice, { tags }], [bob, { tags }]]);
  const selfRef = [1];
  selfRef.push(selfRef);
  const index = { byName: { alice, bob }, all: [alice, bob] };
  yield "built";
  profiles.get(alice).tags.add("y");
  yield [profiles.get(bob).tags.has("y"), alice.friends[0] === bob, alice.friends[1] === alice];
  bob.name = "robert";
  yield [index.byName.bob.name, index.all[1] === bob, selfRef[1] === selfRef, selfRef[1][1][0]];
  log.push([...profiles.keys()].map((p) => p.name), profiles.get(index.all[0]).tags.size);
  return Object.keys(index.byName);
}

export const create = () => main();
