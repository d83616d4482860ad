// Parameters with defaults and rest, `arguments`, and `this` of a plain call.
export const log = [];

/* @resumable */
export async function* main(a, b = a * 2, ...rest) {
  log.push(`length ${arguments.length}`);
  const sum = (await a) + (await b);
  yield sum;
  yield rest.length;
  a = await (a + 1);
  yield [a, arguments[0], typeof this];
  for (const r of rest) yield await r;
}

export const create = () => main(1, undefined, "r1", "r2");
