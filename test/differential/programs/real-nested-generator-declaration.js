// A factory function declares an annotated generator that captures nothing
// (everything it needs comes in as parameters, as the README asks): it is
// marked where it is declared, not at the top of the module, where its name
// does not exist.
export const log = [];

export function makeParser(separator) {
  /* @resumable */
  function* parse(text, sep) {
    let field = 0;
    for (const part of text.split(sep)) {
      const reply = yield `${field++}:${part.trim()}`;
      if (reply === "stop") return field;
    }
    return field;
  }
  return (text) => parse(text, separator);
}

/* @resumable */
export function* main(rows) {
  /* @resumable */
  function* numbered(list) {
    for (let i = 0; i < list.length; i++) yield `${i + 1}. ${list[i]}`;
  }
  yield* numbered(rows);
  return rows.length;
}

const parseCsv = makeParser(",");
export const create = () => parseCsv("a, b ,c");
