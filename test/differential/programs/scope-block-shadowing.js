// The same name declared in nested blocks: each block sees its own binding, across yields.
export const log = [];

/* @resumable */
export function* main() {
  let name = "outer";
  yield name;
  {
    let name = "block 1";
    yield name;
    {
      const name = "block 2";
      yield name;
    }
    yield name;
  }
  for (let name = 0; name < 2; name++) {
    yield ["loop", name];
  }
  if (true) {
    let name = "if block";
    yield name;
  }
  try {
    throw "catch name";
  } catch (name) {
    yield name;
  }
  yield name;
  return name;
}

export const create = () => main();
