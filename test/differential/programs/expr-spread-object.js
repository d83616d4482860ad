// Object spread of yielded values: later keys win, null/undefined spread to nothing, strings spread indices.
export const log = [];

/* @resumable */
export function* main() {
  const base = { a: 1, b: 2 };
  const merged = { ...base, ...(yield "override"), c: 3, ...(yield "nullish") };
  const fromString = { ...(yield "string") };
  log.push(Object.keys(merged), fromString);
  return merged;
}

export const create = () => main();
export const sends = [undefined, { b: "B", d: "D" }, null, "hi"];
