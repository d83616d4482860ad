/**
 * `super.x` in a resumable class method, which the compiler rewrites
 * (babel-plugin/super-access.ts): the body runs as a method of the frame
 * class, so the lookup names the method's home object (the class's
 * prototype, or the class for a static method) explicitly. Both look the
 * property up on the home object's current prototype, as `super` does.
 */

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
  return Reflect.apply(superGet(home, key, receiver) as (...args: unknown[]) => unknown, receiver, args);
}
