// A small state machine that consumes characters sent in and yields tokens.
export const log = [];

/* @resumable */
export function* main() {
  const tokens = [];
  let current = "";
  let kind = null;
  while (true) {
    const ch = yield tokens.length;
    if (ch === undefined || ch === null) break;
    const chKind = /[0-9]/.test(ch) ? "number" : /[a-z]/.test(ch) ? "word" : "other";
    if (chKind !== kind && current !== "") {
      tokens.push([kind, current]);
      current = "";
    }
    kind = chKind;
    if (chKind !== "other") current += ch;
    else kind = null;
  }
  if (current !== "") tokens.push([kind, current]);
  log.push(tokens);
  return tokens;
}

export const create = () => main();
export const sends = [undefined, "a", "b", "1", "2", " ", "c", "3", null];
