/**
 * `super.x` in a resumable class method, which the compiler rewrites
 * (babel-plugin/super-access.ts): the body runs as a method of the frame
 * class, so the lookup names the method's home object (the class's
 * prototype, or the class for a static method) explicitly. Both look the
 * property up on the home object's current prototype, as `super` does.
 */
import { isIdentifierName } from "./engine-messages.js";

/** `super[key]`, read with the method's `this` as the receiver (a getter sees it). */
export function superGet(home: object, key: PropertyKey, receiver: unknown): unknown {
  return Reflect.get(Object.getPrototypeOf(home) as object, key, receiver);
}

/** `super[key] = value`: a setter up the chain runs with the receiver; otherwise the receiver gets the property. */
export function superSet<T>(home: object, key: PropertyKey, value: T, receiver: unknown): T {
  if (!Reflect.set(Object.getPrototypeOf(home) as object, key, value, receiver)) {
    throw new TypeError(`Cannot assign to read only property '${String(key)}' of object`);
  }
  return value;
}

/** `super[key](...args)` whose arguments yield: the method is looked up after them (see babel-plugin/super-access.ts). */
export function superCall(home: object, key: PropertyKey, receiver: unknown, ...args: unknown[]): unknown {
  return applyMethod(superGet(home, key, receiver), key, receiver, args);
}

/**
 * `super[key](...args)` without a yield in them: `method` was looked up
 * before the arguments, as natively; `printed` is the member as the source
 * spells it (`.m`, `[key]`), for the message.
 */
export function applySuperMethod(method: unknown, printed: string, receiver: unknown, ...args: unknown[]): unknown {
  if (typeof method !== "function") throw notAFunction(printed);
  return Reflect.apply(method, receiver, args);
}

/**
 * `super[key]?.(...args)`: undefined when the method is null or undefined
 * (the optional call then evaluates no argument), else a function that
 * calls it with the receiver, as applySuperMethod does.
 */
export function superMethodIfPresent(
  home: object,
  key: PropertyKey,
  receiver: unknown,
  printed: string,
): ((...args: unknown[]) => unknown) | undefined {
  const method = superGet(home, key, receiver);
  if (method === undefined || method === null) return undefined;
  return (...args) => applySuperMethod(method, printed, receiver, ...args);
}

function applyMethod(method: unknown, key: PropertyKey, receiver: unknown, args: unknown[]): unknown {
  if (typeof method !== "function") throw notAFunction(printedKey(key));
  return Reflect.apply(method, receiver, args);
}

/** V8's words for a `super` member that is not a function. */
function notAFunction(printed: string): TypeError {
  return new TypeError(`(intermediate value)${printed} is not a function`);
}

/** The key of a `super` member whose source is gone (its arguments yield): `.name`, or in brackets. */
function printedKey(key: PropertyKey): string {
  return typeof key === "string" && isIdentifierName(key) ? `.${key}` : `[${String(key)}]`;
}
