/**
 * What the user tells the runtime about values it cannot guess: classes
 * whose instances live in generator state (`registerClass`) and values that
 * are restored by identity rather than copied (`registerValue`: functions,
 * singletons, host objects). A snapshot names them by id; `restore` builds
 * only what these registries (and the built-in kinds) describe.
 */
import { SnapshotError } from "./errors.js";

export interface ClassOptions<T extends object, D> {
  /** A stable id, written into snapshots; keep it when you rename the class. */
  id: string;
  /** Turns an instance into plain data. Without it, own enumerable fields are saved. */
  save?: (instance: T) => D;
  /** Rebuilds an instance from what `save` returned. Required with `save`. */
  load?: (data: D) => T;
}

export interface RegisteredClass {
  id: string;
  cls: abstract new (...args: never[]) => object;
  prototype: object;
  save?: (instance: object) => unknown;
  load?: (data: unknown) => object;
}

const classesById = new Map<string, RegisteredClass>();
const classesByPrototype = new Map<object, RegisteredClass>();
const valuesById = new Map<string, unknown>();
const idsByValue = new Map<unknown, string>();

function assertId(id: unknown, what: string): asserts id is string {
  if (typeof id !== "string" || id === "") throw new TypeError(`${what}: the id must be a non-empty string`);
}

export function registerClass<T extends object, D = unknown>(cls: abstract new (...args: never[]) => T, options: ClassOptions<T, D>): void {
  if (typeof cls !== "function" || typeof cls.prototype !== "object" || cls.prototype === null) {
    throw new TypeError("registerClass(cls, options): cls must be a class");
  }
  assertId(options?.id, "registerClass");
  if ((options.save === undefined) !== (options.load === undefined)) {
    throw new TypeError(`registerClass(${cls.name}): give both save and load, or neither`);
  }
  if (options.save === undefined) {
    const builtIn = builtInAncestor(cls.prototype as object);
    if (builtIn !== undefined) {
      throw new TypeError(
        `registerClass(${cls.name}): ${cls.name} extends ${builtIn}, whose contents live in the engine, not in the instance's ` +
          `fields, so its fields alone would restore it empty; give it save and load hooks`,
      );
    }
  }
  const existing = classesById.get(options.id);
  if (existing && existing.cls !== cls) {
    throw new SnapshotError(`registerClass: the id "${options.id}" is already used by class ${existing.cls.name}`);
  }
  const entry: RegisteredClass = {
    id: options.id,
    cls,
    prototype: cls.prototype as object,
    save: options.save as ((instance: object) => unknown) | undefined,
    load: options.load as ((data: unknown) => object) | undefined,
  };
  classesById.set(options.id, entry);
  classesByPrototype.set(entry.prototype, entry);
}

/**
 * Built-ins whose state is held in internal slots (a Map's entries, a Date's
 * time, an array's elements, an error's message and stack, which are not
 * enumerable), or that cannot be made from their fields at all.
 */
const BUILT_INS_WITH_HIDDEN_STATE: ReadonlyArray<[string, object]> = [
  ["Array", Array.prototype],
  ["Map", Map.prototype],
  ["Set", Set.prototype],
  ["WeakMap", WeakMap.prototype],
  ["WeakSet", WeakSet.prototype],
  ["Date", Date.prototype],
  ["RegExp", RegExp.prototype],
  ["Error", Error.prototype],
  ["Promise", Promise.prototype],
  ["ArrayBuffer", ArrayBuffer.prototype],
  ["DataView", DataView.prototype],
  ["a typed array", Object.getPrototypeOf(Uint8Array.prototype) as object],
  ["Function", Function.prototype],
  ["String", String.prototype],
  ["Number", Number.prototype],
  ["Boolean", Boolean.prototype],
  ["WeakRef", WeakRef.prototype],
  ["FinalizationRegistry", FinalizationRegistry.prototype],
  ["SharedArrayBuffer", SharedArrayBuffer.prototype],
];

/** The built-in with hidden state that `prototype` inherits from, if any. */
function builtInAncestor(prototype: object): string | undefined {
  for (let p: object | null = prototype; p !== null; p = Object.getPrototypeOf(p) as object | null) {
    for (const [name, builtIn] of BUILT_INS_WITH_HIDDEN_STATE) if (p === builtIn) return name;
  }
  return undefined;
}

export function registerValue(id: string, value: unknown): void {
  assertId(id, "registerValue");
  if ((typeof value !== "object" || value === null) && typeof value !== "function") {
    throw new TypeError(`registerValue("${id}"): only objects and functions need registering; primitives are saved as they are`);
  }
  const existing = valuesById.get(id);
  if (valuesById.has(id) && existing !== value) {
    throw new SnapshotError(`registerValue: the id "${id}" is already registered for another value`);
  }
  const existingId = idsByValue.get(value);
  if (existingId !== undefined && existingId !== id) {
    throw new SnapshotError(`registerValue: this value is already registered as "${existingId}"`);
  }
  valuesById.set(id, value);
  idsByValue.set(value, id);
}

export function classByPrototype(prototype: object | null): RegisteredClass | undefined {
  return prototype === null ? undefined : classesByPrototype.get(prototype);
}

export function classById(id: string): RegisteredClass | undefined {
  return classesById.get(id);
}

export function valueId(value: unknown): string | undefined {
  return idsByValue.get(value);
}

export function hasValue(id: string): boolean {
  return valuesById.has(id);
}

export function valueById(id: string): unknown {
  return valuesById.get(id);
}
