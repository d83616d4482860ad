// A streaming UTF-8 decoder: byte chunks (Uint8Array) come in through next(value); partial
// sequences are carried across chunks in locals; bad bytes become U+FFFD.
export const log = [];

/* @resumable */
export function* main() {
  let pending = 0;
  let need = 0;
  let text = "";
  let chunks = 0;
  let chunk = yield "ready";
  while (chunk instanceof Uint8Array || Array.isArray(chunk)) {
    chunks++;
    const bytes = chunk instanceof Uint8Array ? chunk : Uint8Array.from(chunk);
    let out = "";
    for (const b of bytes) {
      if (need > 0) {
        if ((b & 0xc0) === 0x80) {
          pending = (pending << 6) | (b & 0x3f);
          if (--need === 0) out += String.fromCodePoint(pending);
          continue;
        }
        out += "\ufffd";
        need = 0;
      }
      if (b < 0x80) out += String.fromCharCode(b);
      else if ((b & 0xe0) === 0xc0) (pending = b & 0x1f), (need = 1);
      else if ((b & 0xf0) === 0xe0) (pending = b & 0x0f), (need = 2);
      else if ((b & 0xf8) === 0xf0) (pending = b & 0x07), (need = 3);
      else out += "\ufffd";
    }
    text += out;
    chunk = yield { chunk: chunks, out, need };
  }
  if (need > 0) text += "\ufffd";
  log.push(text, [...text].length);
  return text;
}

export const create = () => main();
export const sends = [
  undefined,
  [0x68, 0x69, 0x20, 0xe2, 0x82],
  new Uint8Array([0xac, 0x20, 0xf0, 0x9f]),
  [0x98, 0x80, 0xff, 0x41, 0xc3],
  [0xa9, 0xe2],
  "end",
];
