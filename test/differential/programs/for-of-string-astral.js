// for-of over a string yields code points (astral characters whole); indexing yields code units.
export const log = [];

/* @resumable */
export function* main(text) {
  for (const ch of text) {
    yield [ch, ch.length, ch.codePointAt(0)];
  }
  for (let i = 0; i < text.length; i++) {
    yield text.charCodeAt(i);
  }
  return [...text].length;
}

export const create = () => main("a😀b\u{1F600}\u00e9");
