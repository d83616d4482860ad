// A word-wrapping formatter: paragraphs come in through next(value); words longer than the
// width are hyphenated; justified lines are yielded one at a time with a running line count.
export const log = [];

/* @resumable */
export function* main(width) {
  let lineCount = 0;
  let paragraph = yield { ready: width };
  while (typeof paragraph === "string") {
    const words = paragraph.split(/\s+/).filter(Boolean);
    let line = [];
    let len = 0;
    for (let w of words) {
      while (w.length > width) {
        if (line.length) {
          yield { n: ++lineCount, text: line.join(" ") };
          line = [];
          len = 0;
        }
        yield { n: ++lineCount, text: w.slice(0, width - 1) + "-" };
        w = w.slice(width - 1);
      }
      if (len + w.length + line.length > width) {
        const gaps = line.length - 1;
        let spare = width - len;
        const justified = line.reduce((acc, word, i) => {
          if (i === 0) return word;
          const pad = Math.ceil(spare / (gaps - i + 1));
          spare -= pad;
          return acc + " ".repeat(pad) + word;
        }, "");
        yield { n: ++lineCount, text: gaps > 0 ? justified : line[0] };
        line = [];
        len = 0;
      }
      line.push(w);
      len += w.length;
    }
    paragraph = yield { n: ++lineCount, text: line.join(" "), last: true };
  }
  log.push(lineCount);
  return lineCount;
}

export const create = () => main(16);
export const sends = [undefined, "The quick brown fox jumps over the lazy dog near the riverbank", 1, 2, 3, 4, 5, "Supercalifragilisticexpialidocious is long", 8, 9, 10, 11, null];
