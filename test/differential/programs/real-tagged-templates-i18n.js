// An i18n/SQL-ish helper with tagged templates and template literals around yields;
// the tag is called with values resolved before each yield.
export const log = [];

function sql(strings, ...values) {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? `$${i + 1}` : ""), "") + ` -- ${values.length} params`;
}

function t(strings, ...values) {
  return strings.raw.map((s, i) => s + (i < values.length ? `{${values[i]}}` : "")).join("");
}

/* @resumable */
export function* main(table) {
  const id = yield "id?";
  const q1 = sql`SELECT * FROM ${table} WHERE id = ${id}`;
  yield q1;
  const name = yield "name?";
  const greeting = `Hello, ${name ?? "stranger"}! You have ${id * 2} new\tmessages.`;
  yield greeting;
  const raw = t`path\to\${name}`;
  yield raw;
  const multi = `line1
  line2 ${`nested ${table.toUpperCase()}`}`;
  log.push(multi);
  return String.raw`done\n${id}`;
}

export const create = () => main("users");
export const sends = [undefined, 7, 0, "Zoe", 1, 2];
