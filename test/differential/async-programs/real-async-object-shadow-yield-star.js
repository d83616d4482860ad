// A module-level binding named `Object` does not change how a compiled
// `yield*` tells a delegate's step from its end (the class's next() tests
// results with typeof): every value comes through, as natively.
export const log = [];

const Object = (shape) => ({ type: "object", shape });
const DocSchema = Object({ title: "string" });

/* @resumable */
export function* words(text) {
  const parts = text.split(" ");
  for (let i = 0; i < parts.length; i++) yield parts[i];
}

/* @resumable */
export function* allWords(docs) {
  for (let i = 0; i < docs.length; i++) yield* words(docs[i].title);
}

/* @resumable */
export async function* main(docs) {
  for (let i = 0; i < docs.length; i++) {
    await null;
    const list = [...allWords([docs[i]])];
    yield `${DocSchema.type}: ${list.join(",")}`;
  }
  return docs.length;
}

export const create = () => main([{ title: "a b c d" }, { title: "e f" }]);
