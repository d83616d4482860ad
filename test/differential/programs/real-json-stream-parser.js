// A streaming JSON parser: characters are pulled from a string one chunk at a time via
// a cursor object; values nest through yield* and each completed value is yielded with its path.
export const log = [];

/* @resumable */
function* ws(c) {
  while (" \n\t\r".includes(c.s[c.i]) && c.i < c.s.length) c.i++;
}

/* @resumable */
function* value(c, path) {
  yield* ws(c);
  const ch = c.s[c.i];
  let out;
  if (ch === "{") {
    c.i++;
    out = {};
    yield* ws(c);
    if (c.s[c.i] === "}") c.i++;
    else
      for (;;) {
        yield* ws(c);
        const key = yield* value(c, [...path, "?"]);
        yield* ws(c);
        if (c.s[c.i++] !== ":") throw new SyntaxError(`expected : at ${c.i - 1}`);
        out[key] = yield* value(c, [...path, key]);
        yield* ws(c);
        const sep = c.s[c.i++];
        if (sep === "}") break;
        if (sep !== ",") throw new SyntaxError(`expected , or } at ${c.i - 1}`);
      }
  } else if (ch === "[") {
    c.i++;
    out = [];
    yield* ws(c);
    if (c.s[c.i] === "]") c.i++;
    else
      for (let idx = 0; ; idx++) {
        out.push(yield* value(c, [...path, idx]));
        yield* ws(c);
        const sep = c.s[c.i++];
        if (sep === "]") break;
        if (sep !== ",") throw new SyntaxError(`expected , or ] at ${c.i - 1}`);
      }
  } else if (ch === '"') {
    let j = c.i + 1;
    let str = "";
    while (c.s[j] !== '"') {
      if (c.s[j] === "\\") {
        const esc = c.s[++j];
        str += esc === "n" ? "\n" : esc === "u" ? String.fromCharCode(parseInt(c.s.slice(j + 1, (j += 4) + 1), 16)) : esc;
      } else str += c.s[j];
      j++;
      if (j > c.s.length) throw new SyntaxError("unterminated string");
    }
    c.i = j + 1;
    out = str;
  } else {
    const m = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(c.s.slice(c.i));
    if (!m) throw new SyntaxError(`unexpected ${ch} at ${c.i}`);
    c.i += m[0].length;
    out = JSON.parse(m[0]);
  }
  if (!path.includes("?")) yield { path: path.join("."), type: Array.isArray(out) ? "array" : out === null ? "null" : typeof out };
  return out;
}

/* @resumable */
export function* main(texts) {
  const parsed = [];
  for (const s of texts) {
    try {
      parsed.push(yield* value({ s, i: 0 }, ["$"]));
    } catch (e) {
      parsed.push(`${e.name}: ${e.message}`);
    }
  }
  log.push(JSON.stringify(parsed));
  return parsed.length;
}

export const create = () => main(['{"a": [1, 2.5e1, {"b": null}], "c": "x\\n\\u0041"}', "[true, false, ]", '  "plain"  ']);
