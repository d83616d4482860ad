// Async generator methods of an object literal (this, arguments, default
// and rest parameters), and async generator expressions kept in an array.
export const log = [];

const store = {
  prefix: "item",
  /* @resumable */
  async *list(from = 1, step = from + 1, ...tags) {
    log.push(`args ${arguments.length}`);
    for (let i = from; i < 6; i += step) {
      yield `${this.prefix}-${i}${tags.length ? ":" + tags.join("") : ""}`;
      await null;
    }
  },
};

const gens = [
  /* @resumable */ async function* () {
    yield "anon 1";
    return "anon done";
  },
  /* @resumable */ async function* named(x) {
    yield await Promise.resolve(`named ${x}`);
  },
];

/* @resumable */
export async function* main() {
  yield* store.list();
  yield* store.list(2, 3, "x", "y");
  const other = { prefix: "other", list: store.list };
  for await (const v of other.list(4)) yield v;
  for (const [i, g] of gens.entries()) {
    const r = yield* g(i);
    yield `gen ${i} returned ${r}`;
  }
}

export const create = () => main();
// Surprising refusal (not a behaviour difference): `this` of store.list is
// `store`, whose field `list` is an object-literal resumable method, and such
// a method (like class methods with a computed key or #private name) is not
// saved by function id: "function list is not serializable; register it
// with registerValue()". Declarations/expressions/plain class methods are.
export const snapshotRefusal = "allowed";
