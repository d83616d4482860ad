/**
 * `gen.next.call(other)`: a generator's next/throw/return refuse any receiver
 * that is not a generator, with V8's TypeError. The message describes the
 * receiver as V8 does in the common cases, and never runs code of the
 * program's own to do so (no getters, no proxy traps, no toString).
 */
import { types } from "node:util";
import { AsyncGeneratorPrototype, GeneratorPrototype } from "./generator-intrinsics.js";

export type GeneratorKind = "Generator" | "AsyncGenerator";

/** V8's words: "Method [Generator].prototype.next called on incompatible receiver #<Object>". */
export function incompatibleReceiver(kind: GeneratorKind, method: string, receiver: unknown): TypeError {
  return new TypeError(`Method [${kind}].prototype.${method} called on incompatible receiver ${describeReceiver(receiver)}`);
}

function describeReceiver(value: unknown): string {
  if (typeof value === "function") return types.isProxy(value) ? "function () { [native code] }" : Function.prototype.toString.call(value);
  if (typeof value !== "object" || value === null) return String(value);
  if (types.isProxy(value)) return "#<Object>";
  if (Array.isArray(value)) return "[object Array]";
  // A generator's prototypes name no constructor function (a frame's class is the runtime's).
  if (inherits(value, GeneratorPrototype)) return "[object Generator]";
  if (inherits(value, AsyncGeneratorPrototype)) return "[object AsyncGenerator]";
  const name = constructorName(value);
  return name === undefined ? "[object Object]" : `#<${name}>`;
}

/** `value`, then the objects up its prototype chain, short of a proxy (whose traps are the program's code). */
function* chainOf(value: object): Generator<object> {
  for (
    let object: object | null = value;
    object !== null && !types.isProxy(object);
    object = Object.getPrototypeOf(object) as object | null
  ) {
    yield object;
  }
}

/** Whether `value` is `prototype` or inherits from it (V8 describes %GeneratorPrototype% itself as a generator too). */
function inherits(value: object, prototype: object): boolean {
  for (const object of chainOf(value)) if (object === prototype) return true;
  return false;
}

/** The name of the nearest `constructor` up the prototype chain, read from data properties only. */
function constructorName(value: object): string | undefined {
  for (const object of chainOf(value)) {
    const constructor = Object.getOwnPropertyDescriptor(object, "constructor");
    if (constructor === undefined) continue;
    if (typeof constructor.value !== "function" || types.isProxy(constructor.value)) return undefined;
    const name = Object.getOwnPropertyDescriptor(constructor.value, "name")?.value;
    return typeof name === "string" && name !== "" ? name : undefined;
  }
  return undefined;
}
