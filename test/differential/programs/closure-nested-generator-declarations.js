// Annotated generator declarations nested in a resumable body, in a block
// and in a switch case: callable (hoisted) before their position, and
// GeneratorFunctions to reflection there already.
export const log = [];

const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;

/* @resumable */
export function* main(rows) {
  log.push(["before its position", numbered instanceof GeneratorFunction, numbered.name]);
  yield* numbered(rows);
  /* @resumable */
  function* numbered(list) {
    for (let i = 0; i < list.length; i++) yield `${i + 1}. ${list[i]}`;
  }
  {
    log.push(["in a block", doubled instanceof GeneratorFunction]);
    yield* doubled(rows.length);
    /* @resumable */
    function* doubled(n) {
      yield n * 2;
    }
  }
  switch (rows.length) {
    case 2:
      log.push(["in a case", tripled instanceof GeneratorFunction]);
      yield* tripled(rows.length);
      /* @resumable */
      function* tripled(n) {
        yield n * 3;
      }
  }
  return rows.length;
}

export const create = () => main(["a", "b"]);
// numbered, doubled and tripled are function values in locals.
export const snapshotRefusal = "allowed";
