// Symbols as keys and values: a plugin registry that stores handlers under Symbol.for keys
// and a local symbol; symbol-keyed objects held across a yield.
export const log = [];

const KIND = Symbol.for("app.kind");

/* @resumable */
export function* main() {
  const local = Symbol("local");
  const registry = {};
  registry[KIND] = "plugin";
  registry.name = "metrics";
  yield Object.getOwnPropertySymbols(registry).length;
  const tags = new Map([[KIND, 1], [local, 2]]);
  yield tags.get(KIND) + tags.get(local);
  const wellKnown = [Symbol.iterator, Symbol.for("x")];
  yield wellKnown.map((s) => s.description);
  log.push(registry[KIND], typeof local, local.description);
  return local.toString();
}

export const create = () => main();
// registry has a symbol key (refused); `local` is not a Symbol.for symbol
export const snapshotRefusal = "allowed";
