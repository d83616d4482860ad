// A for…of or for…in without a yield (or a jump out of it) stays a native loop inside the
// compiled body: destructuring heads, closures over the loop variable, and a yield after it.
export const log = [];

/* @resumable */
export function* main(rows) {
  let total = 0;
  for (const [a, b] of rows) total += a * b;
  const keys = [];
  for (const key in rows[0]) keys.push(key);
  const readers = [];
  for (const row of rows) readers.push(() => row[0]);
  log.push(readers.map((read) => read()));
  let last;
  for (last of rows) total += last.length;
  yield total;
  const words = [];
  for (const ch of "héllo") words.push(ch.toUpperCase());
  yield words.join("") + keys.join(",") + String(last);
  return total;
}

export const create = () => main([[1, 2], [3, 4], [5, 6]]);
