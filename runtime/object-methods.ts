/**
 * An object literal's annotated generator methods, marked once the literal
 * is made (the plugin wraps the literal in this call): each becomes a
 * GeneratorFunction (or AsyncGeneratorFunction) to reflection, as a class's
 * method does, and a snapshot can hold it by its function id.
 */
import { markAsyncGeneratorFunction } from "./async-frame.js";
import { markGeneratorFunction } from "./frame.js";
import type { FrameClass } from "./function-table.js";

/** `[key, frame class]` for a method, `[key, frame class, true]` for an `async *` one. */
export type MarkedMethod = [key: PropertyKey, frameClass: FrameClass, isAsync?: boolean];

export function markObjectMethods<T extends object>(object: T, methods: readonly MarkedMethod[]): T {
  for (const [key, frameClass, isAsync] of methods) {
    // The literal's own data property: the plugin marks only a method no later property can replace.
    const method = (Object.getOwnPropertyDescriptor(object, key) as { value?: unknown } | undefined)?.value;
    if (typeof method !== "function") continue;
    if (isAsync === true) markAsyncGeneratorFunction(method, frameClass);
    else markGeneratorFunction(method, frameClass);
  }
  return object;
}
