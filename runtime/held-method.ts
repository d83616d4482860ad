/**
 * A method call whose arguments yield, `o.m(yield x)`: native code reads
 * `o.m` before it evaluates the arguments (a getter runs then, and a method
 * replaced while the generator is suspended is not the one called). The
 * compiled code reads it there too. With a key the code writes (`o.m`), it
 * keeps the method and its object in two temporaries (`callMethodRead`), and
 * the function's metadata says which temporary is whose method; otherwise
 * (`o[k]`, a spread call, an optional chain) `holdMethod` keeps object, key
 * and method in one `HeldMethod`, an object made per call.
 *
 * A function often cannot be saved, but the object it was read from can:
 * so a snapshot saves the object and the key, and the restored copy reads
 * the method again when it makes the call. That is only the same method if
 * reading it runs no code and finds what was read before: a data property
 * on the object or its prototypes, holding the same value (the snapshot
 * checks; otherwise it saves the method itself, or refuses it as any other
 * value it cannot save).
 */
import { types } from "node:util";
import { applyFunction, callWithReceiver } from "./iterate.js";
import { keepHiddenClassAlive } from "./keep-hidden-class.js";

/** The type of a held method's record in a blob (saved-kinds.ts). */
export const HELD_METHOD = "heldMethod";

export class HeldMethod {
  constructor(
    public object: unknown,
    public key: PropertyKey,
    /** The method read before the arguments; unused while `readAgain` is set. */
    public method: unknown,
    /** Restored without the method: the call reads it from the object. */
    public readAgain = false,
  ) {}
}
keepHiddenClassAlive(new HeldMethod(undefined, "", undefined));

/** `o.m` or `o[k]`, read as the call `o.m(…)` reads it, before the arguments. */
export function holdMethod(object: unknown, key: unknown): HeldMethod {
  const property = typeof key === "symbol" ? key : String(key);
  return new HeldMethod(object, property, (object as Record<PropertyKey, unknown>)[property]);
}

/**
 * `o.m(yield x)`: the call, with the method `(_o = o).m` read before the
 * arguments into one temporary and its object into another, so that no
 * object is made per call. The compiler lists such temporaries in the
 * function's metadata (`methodTemps`, from the literal `key` here), and a
 * snapshot treats the method's temporary as `HeldMethod` is treated: left out
 * when it can be read again (`canReadMethodAgain`), read again on restore
 * (`methodReadAgain`).
 */
export function callMethodRead(
  method: unknown,
  object: unknown,
  // Not read here: the compiler finds the call by it (explode.ts) to list the temporaries.
  _key: string,
  printedCallee: string | undefined,
  ...args: unknown[]
): unknown {
  return callWithReceiver(method, object, printedCallee, ...args);
}

/** Whether reading `key` from `object` again gives `method` and runs no code (see canReadAgain). */
export function canReadMethodAgain(object: unknown, key: PropertyKey, method: unknown): boolean {
  const found = lookUpDataProperty(object, key);
  return found.readable && found.value === method;
}

/** The method a restored copy reads again, or `NOT_READABLE` when reading it would run code or finds no object. */
export function methodReadAgain(object: unknown, key: PropertyKey): unknown {
  const found = lookUpDataProperty(object, key);
  return found.readable ? found.value : NOT_READABLE;
}

export const NOT_READABLE: unique symbol = Symbol("not readable");

/** What a refusal's path says of a held method a snapshot had to save itself (`where`: "at line 12", or nothing). */
export function methodNotReadAgainNote(key: PropertyKey, where = ""): string {
  const name = typeof key === "symbol" ? `[${String(key)}]` : `.${key}`;
  return `the method ${name} read before the yield${where}, which a restore could not read again: replaced since, or read through a getter`;
}

/**
 * The call, once the arguments are evaluated. `siteKey` is the key the code
 * writes (`o.m`), which a restored copy reads rather than the saved one
 * (undefined for a computed key, which is state like any other value);
 * `printedCallee`, the callee as V8 prints it, when the plugin could.
 */
export function callHeldMethod(
  held: HeldMethod,
  siteKey: string | undefined,
  printedCallee: string | undefined,
  ...args: unknown[]
): unknown {
  return callWithReceiver(methodToCall(held, siteKey), held.object, printedCallee, ...args);
}

/** The method held, or in a restored copy the method read again, under the key the code writes when it has one. */
function methodToCall(held: HeldMethod, siteKey: string | undefined): unknown {
  return held.readAgain ? (held.object as Record<PropertyKey, unknown>)[siteKey ?? held.key] : held.method;
}

/** `o.m(...a, yield b)`: the call with the list the spread transform built; `notCallable` as in applyFunction (iterate.ts). */
export function applyHeldMethod(held: HeldMethod, siteKey: string | undefined, args: ArrayLike<unknown>, notCallable?: string): unknown {
  return applyFunction(methodToCall(held, siteKey), held.object, args, notCallable);
}

/**
 * Whether a snapshot can leave the method out, to be read again: reading it
 * from the object as it is now gives the method held and runs no code (a
 * data property, or none when `undefined` was read, on the object or its
 * prototypes, none of them a proxy). A copy restored so reads it again too.
 */
export function canReadAgain(held: HeldMethod): boolean {
  return held.readAgain || canReadMethodAgain(held.object, held.key, held.method);
}

function lookUpDataProperty(object: unknown, key: PropertyKey): { readable: boolean; value?: unknown } {
  if (object === null || object === undefined) return { readable: false };
  for (let current: object | null = Object(object) as object; current !== null; current = Object.getPrototypeOf(current) as object | null) {
    // A proxy's traps would run.
    if (types.isProxy(current)) return { readable: false };
    const descriptor = Object.getOwnPropertyDescriptor(current, key);
    if (descriptor !== undefined) return "value" in descriptor ? { readable: true, value: descriptor.value } : { readable: false };
  }
  return { readable: true, value: undefined };
}
