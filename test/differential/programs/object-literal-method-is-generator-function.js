// An object literal's annotated generator methods are generator functions to reflection, as natively
// (a runner that tells one by its constructor's name, as co does, finds them), and a snapshot can
// hold one as a value. A method with a plain or a well-known symbol key is marked.
export const log = [];

export const tasks = {
  /* @resumable */
  *fetch(n) {
    for (let i = 0; i < n; i++) yield `fetch ${i}`;
  },
  /* @resumable */
  *[Symbol.iterator]() {
    yield "iterated";
  },
  /* @resumable */
  async *stream() {
    yield "streamed";
  },
  plain() {
    return "plain";
  },
};

/* @resumable */
export function* main() {
  const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;
  const AsyncGeneratorFunction = Object.getPrototypeOf(async function* () {}).constructor;
  log.push([
    tasks.fetch instanceof GeneratorFunction,
    tasks.fetch.constructor.name,
    typeof tasks.fetch.prototype,
    tasks[Symbol.iterator] instanceof GeneratorFunction,
    tasks.stream instanceof AsyncGeneratorFunction,
    tasks.plain instanceof GeneratorFunction,
  ]);
  const task = tasks.fetch;
  yield "holding the method";
  yield* task(2);
  yield* tasks;
  return task === tasks.fetch;
}

export const create = () => main();
