// A variadic logger generator: reads `arguments` (length, indices, Array.from, for…of over it)
// across yields, with a rest parameter alongside named ones in a second function.
export const log = [];

/* @resumable */
function* emit(level) {
  const parts = [];
  for (const arg of arguments) {
    if (arg === level) continue;
    parts.push(typeof arg === "object" ? JSON.stringify(arg) : String(arg));
    yield `${level}: ${parts.at(-1)}`;
  }
  return `${arguments.length - 1} parts: ${Array.from(arguments).slice(1).length}`;
}

/* @resumable */
function* fmt(template, ...values) {
  let out = "";
  let i = 0;
  for (const piece of template.split("%s")) {
    out += piece;
    if (i < values.length) out += yield values[i++];
  }
  return out;
}

/* @resumable */
export function* main() {
  const summary = yield* emit("warn", 1, { a: [2] }, null, undefined, "x");
  const text = yield* fmt("%s + %s = %s", 1, 2, 3);
  log.push(summary, text);
  return text;
}

export const create = () => main();
export const sends = [undefined, 1, 2, 3, 4, 5, "one", "two", "three"];
