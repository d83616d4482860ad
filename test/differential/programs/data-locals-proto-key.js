// An own property named "__proto__" is data, not the prototype, before and after yields.
export const log = [];

/* @resumable */
export function* main() {
  const object = { ["__proto__"]: { polluted: true }, plain: 1 };
  const parsed = JSON.parse('{"__proto__": {"fromJson": true}}');
  yield "held";
  log.push([
    Object.keys(object),
    Object.getPrototypeOf(object) === Object.prototype,
    object.polluted,
    Object.keys(parsed),
    parsed.fromJson,
    ({}).polluted,
  ]);
  return Object.keys(parsed);
}

export const create = () => main();
