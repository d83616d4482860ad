// A text segmenter over strings with emoji, combining marks and astral characters:
// for…of by code point across yields, surrogate pairs, a lone surrogate kept in a local.
export const log = [];

/* @resumable */
export function* main(text) {
  const counts = { astral: 0, ascii: 0, other: 0 };
  let column = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    const cls = cp > 0xffff ? "astral" : cp < 128 ? "ascii" : "other";
    counts[cls]++;
    column += ch.length;
    if (cls !== "ascii") yield { ch, cp: cp.toString(16), column };
  }
  const lone = text.slice(0, 1) + "\ud800" + "end";
  yield lone.length;
  const normalized = "e\u0301".normalize("NFC");
  log.push(counts, lone.charCodeAt(1), normalized.length, [...lone].length);
  return `${text.length}/${[...text].length}`;
}

export const create = () => main("a😀b\u00e9\ud83d\udc68\u200d\ud83d\udc69 z𝔸");
