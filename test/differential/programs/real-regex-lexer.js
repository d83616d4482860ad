// A lexer using a sticky/global RegExp whose lastIndex is the position, held across yields;
// matches are converted to plain data before each yield.
export const log = [];

/* @resumable */
export function* main(src) {
  const re = /\s*(?:(\d+)|([A-Za-z_]\w*)|("(?:[^"\\]|\\.)*")|(\S))/y;
  const counts = { num: 0, ident: 0, str: 0, punct: 0 };
  while (re.lastIndex < src.length) {
    const start = re.lastIndex;
    const m = re.exec(src);
    if (!m) break;
    const [, num, ident, str, punct] = m;
    const kind = num ? "num" : ident ? "ident" : str ? "str" : "punct";
    counts[kind]++;
    const cmd = yield { kind, text: m[0].trim(), start, end: re.lastIndex };
    if (cmd === "rewind" && start > 0) re.lastIndex = 0;
    if (re.lastIndex === start) break;
  }
  const g = /o/g;
  const positions = [];
  while (g.exec("foo boo") !== null) {
    positions.push(g.lastIndex);
    yield g.lastIndex;
  }
  log.push(counts, positions);
  return re.lastIndex;
}

export const create = () => main('let x1 = 42 + "a\\"b";');
export const sends = [undefined, 1, 2, 3, 4, 5, 6, 7, 8, 9];
