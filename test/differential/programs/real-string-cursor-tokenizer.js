// A tokenizer that walks its input with for…of over the string itself (code points, emoji
// included), yielding tokens mid-string; a second pass walks a Map of token counts by
// entries() and a Set of kinds by values(), all saveable cursors.
export const log = [];

/* @resumable */
export function* main(input) {
  let current = "";
  let kind = null;
  const counts = new Map();
  const kinds = new Set();
  for (const ch of input + " ") {
    const k = /\p{L}/u.test(ch) ? "word" : /\p{N}/u.test(ch) ? "num" : /\s/u.test(ch) ? "space" : "sym";
    if (k !== kind && current) {
      counts.set(current, (counts.get(current) ?? 0) + 1);
      kinds.add(kind);
      if (kind !== "space") yield `${kind}:${current}`;
      current = "";
    }
    kind = k;
    current += ch;
  }
  for (const [token, n] of counts.entries()) if (n > 1) yield `repeat ${token} x${n}`;
  for (const k of kinds.values()) yield `kind ${k}`;
  log.push([...kinds]);
  return counts.size;
}

export const create = () => main("héllo 42 wörld 😀😀 42, héllo!");
