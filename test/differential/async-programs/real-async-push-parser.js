// A push parser: chunks arrive through next(chunk); it splits them into
// lines (a line can span chunks), parses key=value pairs, validates each
// asynchronously, and yields parsed entries or requests more input.
export const log = [];

async function validate(key, value) {
  await null;
  if (key === "") throw new Error(`empty key for ${value}`);
  return key.trim().toLowerCase();
}

/* @resumable */
export async function* main() {
  let buffer = "";
  const entries = {};
  let chunk = yield "need input";
  while (chunk !== null && chunk !== undefined) {
    buffer += chunk;
    let nl;
    while ((nl = buffer.indexOf(";")) !== -1) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      const eq = line.indexOf("=");
      try {
        const key = await validate(line.slice(0, eq), line.slice(eq + 1));
        entries[key] = line.slice(eq + 1);
        chunk = yield { key, value: entries[key] };
        if (chunk) buffer += chunk;
      } catch (e) {
        log.push(e.message);
      }
    }
    chunk = yield "need input";
  }
  return entries;
}

export const create = () => main();
export const sends = [undefined, "Na", "me=x;A", "ge=3;=bad;", null, "Z=1;", null, null, null];
