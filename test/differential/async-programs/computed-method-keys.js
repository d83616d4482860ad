// Awaits in the computed keys of methods (evaluated by the generator), and
// methods and nested async functions whose own `return` and `for await` are
// theirs, not the generator's.
export const log = [];

/* @resumable */
export async function* main(x) {
  const o = {
    [await Promise.resolve("k")]() {
      return "method result";
    },
  };
  yield o.k();
  const name = {
    [{
      [x]() {
        return x + 1;
      },
    }[x]?.name]() {
      return x + 1;
    },
  }[x]?.name;
  yield name;
  const p = {
    async [await "m"]() {
      for await (const v of [Promise.resolve("from nested for await")]) return v;
    },
  };
  yield await p.m();
  class K {
    static [await "s"]() {
      return "static";
    }
  }
  return K.s();
}

export const create = () => main(3);
