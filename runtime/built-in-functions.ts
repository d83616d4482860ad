/**
 * Built-in functions a generator may hold in a local (`const { floor, max } =
 * Math`, a `Number.isFinite` check passed around), saved by name and
 * restored as the same built-in of the restoring process. Only functions
 * without effects outside their arguments are listed: a blob from outside
 * can put any listed function in any local, so none of them may run code
 * or reach anything (no `Function`, no `eval`, no `Object.assign`). The
 * references are taken when the runtime loads, so a later replacement of
 * `Math.floor` is neither saved nor restored under its name.
 */
export const BUILT_IN_PREFIX = "builtin:";

const NAMESPACES: Array<[string, object, readonly string[]]> = [
  [
    "Math",
    Math,
    Object.getOwnPropertyNames(Math).filter((name) => typeof (Math as unknown as Record<string, unknown>)[name] === "function"),
  ],
  ["Number", Number, ["isFinite", "isInteger", "isNaN", "isSafeInteger", "parseFloat", "parseInt"]],
  ["String", String, ["fromCharCode", "fromCodePoint"]],
  ["Array", Array, ["isArray"]],
  ["globalThis", globalThis, ["isFinite", "isNaN", "parseFloat", "parseInt", "String", "Number", "Boolean"]],
];

const idByFunction = new Map<unknown, string>();
const functionById = new Map<string, unknown>();
for (const [namespaceName, namespace, names] of NAMESPACES) {
  for (const name of names) {
    const fn = (namespace as Record<string, unknown>)[name];
    // globalThis.parseFloat is Number.parseFloat: the first name listed is the one saved.
    if (typeof fn !== "function" || idByFunction.has(fn)) continue;
    const id = `${BUILT_IN_PREFIX}${namespaceName === "globalThis" ? name : `${namespaceName}.${name}`}`;
    idByFunction.set(fn, id);
    functionById.set(id, fn);
  }
}

export function builtInFunctionId(value: unknown): string | undefined {
  return typeof value === "function" ? idByFunction.get(value) : undefined;
}

export function builtInFunctionById(id: string): unknown {
  return functionById.get(id);
}
