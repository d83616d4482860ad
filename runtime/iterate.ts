/**
 * Iteration that compiled code can save. A `for…of` or `yield*` in a
 * resumable generator asks `iterate(x)` for its iterator: for the built-in
 * collections it gets a cursor (a source plus a position, plain data the
 * snapshot can hold), for a resumable generator the generator itself, and
 * for anything else the object's own iterator, which runs fine but refuses
 * to be snapshotted.
 *
 * Cursors keep the built-in semantics: an array cursor reads the live
 * length (elements pushed during the loop are visited), a Map or Set cursor
 * walks the live collection in insertion order.
 */
import { keepHiddenClassAlive } from "./keep-hidden-class.js";

const ArrayValues = Array.prototype[Symbol.iterator];
const StringIterator = String.prototype[Symbol.iterator];
const MapEntries = Map.prototype[Symbol.iterator];
const SetValues = Set.prototype[Symbol.iterator];
const TypedArrayPrototype = Object.getPrototypeOf(Int8Array.prototype) as object;
const TypedArrayValues = (TypedArrayPrototype as { [Symbol.iterator]: unknown })[Symbol.iterator];
const ArrayMethods: Record<string, unknown> = {
  keys: Array.prototype.keys,
  values: Array.prototype.values,
  entries: Array.prototype.entries,
};
const MapMethods: Record<string, unknown> = { keys: Map.prototype.keys, values: Map.prototype.values, entries: Map.prototype.entries };
const SetMethods: Record<string, unknown> = { keys: Set.prototype.keys, values: Set.prototype.values, entries: Set.prototype.entries };
const TypedArrayMethods = TypedArrayPrototype as Record<string, unknown>;

/** What an index or collection cursor yields. */
export type CursorKind = "values" | "keys" | "entries";

function done(): IteratorResult<never> {
  return { value: undefined as never, done: true };
}

/** An array, typed array or `arguments` object, walked by index. */
export class IndexCursor implements IterableIterator<unknown> {
  constructor(
    public source: ArrayLike<unknown> | null,
    public kind: CursorKind,
    public index = 0,
  ) {}

  next(): IteratorResult<unknown> {
    const source = this.source;
    if (source !== null && this.index < source.length) {
      const i = this.index++;
      const kind = this.kind;
      return { value: kind === "values" ? source[i] : kind === "keys" ? i : [i, source[i]], done: false };
    }
    this.source = null;
    return done();
  }

  [Symbol.iterator](): this {
    return this;
  }
}
keepHiddenClassAlive(new IndexCursor(null, "values"));

/** A string, walked by code point. */
export class StringCursor implements IterableIterator<string> {
  constructor(
    public source: string | null,
    public index = 0,
  ) {}

  next(): IteratorResult<string> {
    const source = this.source;
    if (source === null || this.index >= source.length) {
      this.source = null;
      return done();
    }
    const code = source.codePointAt(this.index)!;
    const char = code > 0xffff ? source.slice(this.index, this.index + 2) : source[this.index]!;
    this.index += char.length;
    return { value: char, done: false };
  }

  [Symbol.iterator](): this {
    return this;
  }
}
keepHiddenClassAlive(new StringCursor(null));

/**
 * A Map or Set. The engine's iterator walks the live collection (entries
 * added during the loop are visited, deleted ones are not) but cannot tell
 * its position, so `position()` measures it: the number of live entries
 * before the cursor, i.e. the size minus what the iterator has left. After a
 * restore, a fresh iterator skips that many entries, which puts it at the
 * same place in the same live order.
 */
export class CollectionCursor implements IterableIterator<unknown> {
  /** The engine's iterator: not saved, rebuilt from `position` on demand. */
  private live: Iterator<unknown> | null = null;

  constructor(
    public source: Map<unknown, unknown> | Set<unknown> | null,
    public kind: CursorKind,
    /** Live entries before the cursor; only read while `live` is null. */
    public skip = 0,
  ) {}

  next(): IteratorResult<unknown> {
    const source = this.source;
    if (source === null) return done();
    const result = (this.live ?? this.activate()).next();
    if (result.done) {
      this.source = null;
      this.live = null;
      return done();
    }
    return result;
  }

  /** Starts the engine's iterator at `skip` (after a restore, before any code runs). */
  activate(): Iterator<unknown> {
    const live = (this.live = (this.source![this.kind] as () => Iterator<unknown>).call(this.source));
    for (let i = 0; i < this.skip; i++) if (live.next().done) break;
    this.skip = 0;
    return live;
  }

  /** The number of live entries before the cursor, measured without moving it. */
  position(): number {
    if (this.source === null) return 0;
    if (this.live === null) return this.skip;
    let remaining = 0;
    while (!this.live.next().done) remaining++;
    const position = this.source.size - remaining;
    this.skip = position;
    this.activate();
    return position;
  }

  [Symbol.iterator](): this {
    return this;
  }
}
keepHiddenClassAlive(new CollectionCursor(null, "values"));

/** The keys a `for…in` visits, listed when the loop starts; a key deleted before its turn is skipped. */
export class ForInCursor implements IterableIterator<string> {
  constructor(
    public object: object | null,
    public keys: string[],
    public index = 0,
  ) {}

  next(): IteratorResult<string> {
    const object = this.object;
    while (object !== null && this.index < this.keys.length) {
      const key = this.keys[this.index++];
      if (typeof key === "string" && key in object) return { value: key, done: false };
    }
    this.object = null;
    return done();
  }

  [Symbol.iterator](): this {
    return this;
  }
}
keepHiddenClassAlive(new ForInCursor(null, []));

export function isObject(value: unknown): value is object {
  return (typeof value === "object" && value !== null) || typeof value === "function";
}

function isArguments(value: object): boolean {
  return Object.prototype.toString.call(value) === "[object Arguments]";
}

/**
 * GetIterator(value), with cursors for the collections a snapshot can hold.
 * `notIterable`: the message when `value` is not iterable, as V8 words it
 * for the loop's expression (the plugin writes it for a lowered `for…of`);
 * without it, V8's message for a value alone, as a native `yield*` gives.
 */
export function iterate(value: unknown, notIterable?: string): Iterator<unknown> {
  if (value !== null && value !== undefined) {
    const iterator = iteratorOf(value, (value as { [Symbol.iterator]?: unknown })[Symbol.iterator]);
    if (iterator !== undefined) return iterator;
  }
  throw notIterable === undefined ? notIterableValue(value) : new TypeError(notIterable);
}

/**
 * The iterator `method` (the value's Symbol.iterator, read once by the
 * caller) makes of `value`, or a cursor for the collections a snapshot can
 * hold; undefined when `method` is not a function.
 */
export function iteratorOf(value: unknown, method: unknown): Iterator<unknown> | undefined {
  if (method === ArrayValues) {
    if (Array.isArray(value) || isArguments(value as object)) return new IndexCursor(value as ArrayLike<unknown>, "values");
  } else if (method === StringIterator && typeof value === "string") {
    return new StringCursor(value);
  } else if (method === MapEntries && value instanceof Map) {
    return new CollectionCursor(value, "entries");
  } else if (method === SetValues && value instanceof Set) {
    return new CollectionCursor(value, "values");
  } else if (method === TypedArrayValues && ArrayBuffer.isView(value)) {
    return new IndexCursor(value as unknown as ArrayLike<unknown>, "values");
  }
  return typeof method === "function" ? iteratorFromMethod(value, method) : undefined;
}

/** GetIteratorFromMethod: `method` called on `value`, whose result must be an object. */
function iteratorFromMethod(value: unknown, method: Function): Iterator<unknown> {
  // Reflect.apply, not method.call: a function's own `call` property is not what the spec calls.
  const iterator = Reflect.apply(method, value, []) as unknown;
  if (!isObject(iterator)) throw new TypeError("Result of the Symbol.iterator method is not an object");
  return iterator as Iterator<unknown>;
}

/** V8's TypeError for a value that is not iterable, when it has no expression to print (what a native `yield*` says). */
function notIterableValue(value: unknown): TypeError {
  return new TypeError(`${spelledAsV8Does(value)} is not iterable (cannot read property Symbol(Symbol.iterator))`);
}

/**
 * `[...value]` and `f(...value)` where a later element yields: the compiled
 * code copies the spread before the yield with this (it stands in for
 * Babel's helper in the spread transform's output, lower.ts). The spec's
 * IterableToList, with V8's message: the helper read an array by index,
 * past an array subclass's own iterator, and worded a failure its own way.
 * `printed` is the operand as V8 prints it, when the plugin could print it
 * (spread-messages.ts); `inArguments`, whether the spread is in a call's or
 * `new`'s arguments, where V8 words the message differently.
 */
export function spreadToArray(value: unknown, printed?: string, inArguments?: boolean): unknown[] {
  const method = iteratorMethodOf(value);
  // The method the value has, never a cursor: a native spread steps the array's own iterator.
  if (typeof method !== "function") throw notSpreadable(value, printed, inArguments === true);
  const list: unknown[] = [];
  takeValues(iteratorFromMethod(value, method), Infinity, list);
  return list;
}

function notSpreadable(value: unknown, printed: string | undefined, inArguments: boolean): TypeError {
  if (!inArguments) return notIterable(value, printed);
  if (value !== null && value !== undefined) return new TypeError("Spread syntax requires ...iterable[Symbol.iterator] to be a function");
  return new TypeError(`${printed ?? spelledAsV8Does(value)} is not iterable (cannot read property ${String(value)})`);
}

/** A value's Symbol.iterator, read once; undefined for null and undefined, which have none. */
function iteratorMethodOf(value: unknown): unknown {
  return value === null || value === undefined ? undefined : (value as { [Symbol.iterator]?: unknown })[Symbol.iterator];
}

/** V8's "… is not iterable" for `printed`, the expression as V8 prints it, or for the value alone. */
function notIterable(value: unknown, printed: string | undefined): TypeError {
  return printed === undefined ? notIterableValue(value) : new TypeError(`${printed} is not iterable`);
}

/**
 * IteratorStepValue into `list` until it holds `limit` values or the
 * iterator is done, each `next` call through the method read once; whether
 * the iterator is done.
 */
function takeValues(iterator: Iterator<unknown>, limit: number, list: unknown[]): boolean {
  const next = iterator.next;
  while (list.length < limit) {
    const result = callIteratorMethod(next, iterator);
    if (!isObject(result)) throw notAnIteratorResult(result);
    if ((result as IteratorResult<unknown>).done) return true;
    list.push((result as IteratorResult<unknown>).value);
  }
  return false;
}

/**
 * `const [a, b] = value` where a yield in the statement has the destructuring
 * lowered (it stands in for Babel's helpers, lower.ts): the elements the
 * pattern reads, `count` of them or, for a rest element, all. An array
 * iterated by the built-in iterator is returned as it is, to be read by index
 * as the pattern goes, which is what its iterator would read; anything else
 * is stepped through its own iterator, which is then closed unless it is
 * done, as the spec's destructuring does (Babel's helper read arrays by
 * index past their own iterator, Maps and Sets with `Array.from`, and worded
 * a failure its own way). `printed` is the value as V8 prints it, when the
 * plugin could print it (array-pattern-messages.ts).
 */
export function destructureArray(value: unknown, count?: number, printed?: string): unknown[] {
  const method = iteratorMethodOf(value);
  if (method === ArrayValues && Array.isArray(value)) return value;
  if (typeof method !== "function") throw notIterable(value, printed);
  const iterator = iteratorFromMethod(value, method);
  const list: unknown[] = [];
  if (!takeValues(iterator, count ?? Infinity, list)) closeIterator(iterator);
  return list;
}

/** A value as V8's "… is not iterable" and "… is not a function" name it when they have no expression to print. */
export function spelledAsV8Does(value: unknown): string {
  if (value === null) return "object null";
  if (typeof value === "number" || typeof value === "boolean") return `${typeof value} ${String(value)}`;
  if (typeof value === "string") return `string ${JSON.stringify(value)}`;
  return typeof value;
}

/** `for (x of obj.keys())` and friends: a cursor when `obj` is a built-in collection. */
export function iterateMethod(object: unknown, name: CursorKind): Iterator<unknown> {
  if (object instanceof Map && (object as unknown as Record<string, unknown>)[name] === MapMethods[name]) {
    return new CollectionCursor(object, name);
  }
  if (object instanceof Set && (object as unknown as Record<string, unknown>)[name] === SetMethods[name]) {
    return new CollectionCursor(object, name);
  }
  if (Array.isArray(object) && (object as unknown as Record<string, unknown>)[name] === ArrayMethods[name]) {
    return new IndexCursor(object, name);
  }
  // A typed array's keys/values/entries are its prototype's (a DataView has none).
  if (ArrayBuffer.isView(object) && (object as unknown as Record<string, unknown>)[name] === TypedArrayMethods[name]) {
    return new IndexCursor(object as unknown as ArrayLike<unknown>, name);
  }
  return iterate((object as Record<string, () => unknown>)[name]!());
}

export function forInKeys(value: unknown): ForInCursor {
  if (value === null || value === undefined) return new ForInCursor(null, []);
  const object = Object(value) as object;
  const keys: string[] = [];
  for (const key in object) keys.push(key);
  return new ForInCursor(object, keys);
}

/** IteratorClose after break, return or continue to an outer loop: errors from `return()` propagate. */
export function closeIterator(iterator: Iterator<unknown>): void {
  const method = iterator.return;
  if (method === undefined || method === null) return;
  const result = callIteratorMethod(method, iterator);
  if (!isObject(result)) throw notAnIteratorResult(result);
}

/**
 * Calls an iterator's `next`, `throw` or `return` that GetMethod found (not
 * undefined or null), as the spec's Call does: one that is not a function
 * gets V8's message ("number 5 is not a function"), and a function's own
 * `call` property, which `method.call(…)` would run, is never read.
 */
export function callIteratorMethod(method: unknown, iterator: unknown, ...args: unknown[]): unknown {
  if (typeof method !== "function") throw new TypeError(`${spelledAsV8Does(method)} is not a function`);
  return Reflect.apply(method as (...a: unknown[]) => unknown, iterator, args);
}

/** IteratorClose while an exception is propagating: the original exception wins. */
export function closeIteratorAfterThrow(iterator: Iterator<unknown>): void {
  try {
    const method = iterator.return;
    if (method !== undefined && method !== null) callIteratorMethod(method, iterator);
  } catch {
    // Deliberately ignored, as the spec does for a throw completion.
  }
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "function") return value.name ? `function ${value.name}` : "function";
  if (typeof value === "object") return Object.prototype.toString.call(value).slice(8, -1);
  return String(value);
}

/**
 * Object literals whose computed keys or spreads contain a yield are built
 * from (kind, key, value) triples evaluated in source order (see lower.ts).
 */
export function buildObject(parts: unknown[]): object {
  const result: Record<PropertyKey, unknown> = {};
  for (let i = 0; i < parts.length; i += 3) {
    const kind = parts[i] as string;
    const key = parts[i + 1] as PropertyKey;
    const value = parts[i + 2];
    if (kind === "spread") {
      if (value !== null && value !== undefined) Object.assign(result, value);
    } else if (kind === "proto") {
      if (typeof value === "object" || typeof value === "function") Object.setPrototypeOf(result, value as object | null);
    } else if (kind === "get" || kind === "set") {
      const property = toPropertyKey(key);
      setFunctionName(value, `${kind} ${functionNameOf(property)}`);
      Object.defineProperty(result, property, { [kind]: value as () => unknown, enumerable: true, configurable: true });
    } else {
      const property = toPropertyKey(key);
      // A method, or an anonymous function or class written as the value ("named"),
      // is named after its key, as the literal would name it; any other value keeps its own name.
      if (kind === "method" || kind === "named") setFunctionName(value, functionNameOf(property));
      Object.defineProperty(result, property, { value, writable: true, enumerable: true, configurable: true });
    }
  }
  return result;
}

/** The name a method gets from its key, as the language gives it (`[description]` for a symbol). */
function functionNameOf(key: PropertyKey): string {
  if (typeof key !== "symbol") return String(key);
  return key.description === undefined ? "" : `[${key.description}]`;
}

function toPropertyKey(key: unknown): PropertyKey {
  return typeof key === "symbol" ? key : String(key);
}

/**
 * The TypeError for a call of something not a function: V8 names the callee
 * as the source wrote it, which the plugin prints where it can
 * (`printedCallee`); otherwise the value is named.
 */
export function notAFunction(value: unknown, printedCallee: string | undefined): TypeError {
  return new TypeError(`${printedCallee ?? describe(value)} is not a function`);
}

/**
 * `f(a, yield b)` with `f` read before the arguments, as native code does
 * (see lower.ts). `printedCallee` is the callee as V8 prints it ("f",
 * "(a || b)"), when the plugin could print it.
 */
export function callFunction(fn: unknown, printedCallee: string | undefined, ...args: unknown[]): unknown {
  if (typeof fn !== "function") throw notAFunction(fn, printedCallee);
  return (fn as (...a: unknown[]) => unknown)(...args);
}

/** `callFunction` without the printed callee: what code compiled by earlier versions of the plugin calls. */
export function invoke(fn: unknown, ...args: unknown[]): unknown {
  return callFunction(fn, undefined, ...args);
}

/**
 * `o?.m?.(a)` around a yield, which Babel's optional-chaining transform
 * writes as `_m.call(o, a)`: that would read and run a `call` property the
 * method itself has, where native code calls the method directly.
 * `printedCallee` is the callee as V8 prints it ("o?.m"), when the plugin
 * could print it.
 */
export function callWithReceiver(fn: unknown, receiver: unknown, printedCallee: string | undefined, ...args: unknown[]): unknown {
  if (typeof fn !== "function") throw notAFunction(fn, printedCallee);
  return Reflect.apply(fn as (...a: unknown[]) => unknown, receiver, args);
}

/**
 * `f(...a, yield b)`, which Babel's spread transform writes as
 * `f.apply(thisArg, list)`: that would read and run an `apply` property the
 * function has of its own. `notCallable` is V8's message naming the call
 * site, which it gives when the spread is the one and last argument; for
 * any other list V8 builds the list first, and a callee that is not a
 * function fails as in Reflect.apply ("Function.prototype.apply was called
 * on 5, which is a number and not a function").
 */
export function applyFunction(fn: unknown, thisArg: unknown, args: ArrayLike<unknown>, notCallable?: string): unknown {
  if (notCallable !== undefined && typeof fn !== "function") throw new TypeError(notCallable);
  return Reflect.apply(fn as (...a: unknown[]) => unknown, thisArg, args);
}

/**
 * `tool?.m(yield x)` with `tool` a module-level constant or a global: the
 * method of an optional chain's last call, read after the arguments, as
 * for `console.log(yield x)`, so that a snapshot need not hold the object
 * (any other object's method is read first: held-method.ts).
 */
export function callMethod(object: unknown, key: PropertyKey, printedCallee: string | undefined, ...args: unknown[]): unknown {
  const fn = (object as Record<PropertyKey, unknown>)[key];
  if (typeof fn !== "function") throw notAFunction(fn, printedCallee);
  return Reflect.apply(fn as (...a: unknown[]) => unknown, object, args);
}

/**
 * `(o?.m)(a, yield b)`: m called with `this` o, looked up after the
 * arguments as for `o.m(a, yield b)`; a nullish `o` leaves no function to call.
 */
export function invokeMethod(object: unknown, key: PropertyKey, ...args: unknown[]): unknown {
  const fn = object == null ? undefined : (object as Record<PropertyKey, unknown>)[key];
  if (typeof fn !== "function") throw notAFunction(fn, undefined);
  return Reflect.apply(fn as (...a: unknown[]) => unknown, object, args);
}

/**
 * `for (x of f(…))`, lowered: the call, failing with the loop's own message
 * when `f` is not a function, as V8 words it ("f is not a function or its
 * return value is not iterable"; loop-head-call.ts).
 */
export function callForLoop(notCallable: string, fn: unknown, ...args: unknown[]): unknown {
  if (typeof fn !== "function") throw new TypeError(notCallable);
  return (fn as (...a: unknown[]) => unknown)(...args);
}

/** `for (x of o.m(…))`, lowered: the method call, failing with the loop's own message when `o.m` is not a function. */
export function callMethodForLoop(notCallable: string, object: unknown, key: PropertyKey, ...args: unknown[]): unknown {
  const fn = (object as Record<PropertyKey, unknown>)[key];
  if (typeof fn !== "function") throw new TypeError(notCallable);
  return Reflect.apply(fn as (...a: unknown[]) => unknown, object, args);
}

/** `new C(a, yield b)` with `C` read before the arguments. */
export function construct(cls: unknown, ...args: unknown[]): unknown {
  if (typeof cls !== "function") throw new TypeError(`${describe(cls)} is not a constructor`);
  return Reflect.construct(cls as new (...a: unknown[]) => unknown, args);
}

/** The TypeError the spec asks for when an iterator's next() returns a primitive. */
export function notAnIteratorResult(result: unknown): TypeError {
  return new TypeError(`Iterator result ${String(result)} is not an object`);
}

/**
 * The TypeError of a `throw()` forwarded by `yield*` to an iterator without a
 * `throw` method: V8's wording, full stop included.
 */
export function throwMethodMissing(): TypeError {
  return new TypeError("The iterator does not provide a 'throw' method.");
}

/** A for…of step whose iterator returned a primitive (called by compiled loops). */
export function iteratorResultNotObject(result: unknown): never {
  throw notAnIteratorResult(result);
}

/** `const f = () => {}` names the function "f"; compiled code assigns a field, so it names it here. */
export function setFunctionName<F>(fn: F, name: string): F {
  const own = Object.getOwnPropertyDescriptor(fn, "name");
  // A class with a static `name` member keeps it, as native inference would.
  if (!own || own.configurable) Object.defineProperty(fn, "name", { value: name, configurable: true });
  return fn;
}

/**
 * `const { a } = value` where the destructuring is lowered (destructure-checks.ts):
 * V8's TypeError for null or undefined, before any property is read; the value
 * otherwise. `key` is the property V8 names, when it names one.
 */
export function destructurable<T>(value: T, printed: string, key?: string): T {
  if (value !== null && value !== undefined) return value;
  const what = key === undefined ? `'${printed}'` : `property '${key}' of '${printed}'`;
  throw new TypeError(`Cannot destructure ${what} as it is ${String(value)}.`);
}

/**
 * The value of a let/const/class field in its temporal dead zone. Compiled
 * code gives it only to bindings that may be used before their declaration
 * (locals.ts) and checks those uses.
 */
export const UNINITIALIZED: object = Object.freeze(Object.create(null) as object);

export function checkInitialized<T>(value: T, name: string): T {
  if (value === UNINITIALIZED) throw new ReferenceError(`Cannot access '${name}' before initialization`);
  return value;
}

/** `x = value` before x's declaration: the value is computed, then the write throws. */
export function checkWritable<T>(value: T, current: unknown, name: string): T {
  if (current === UNINITIALIZED) throw new ReferenceError(`Cannot access '${name}' before initialization`);
  return value;
}

/**
 * A write to a const local, after its value is computed: throws as the
 * native write would (the dead zone's error before the declaration).
 */
export function assignToConstant(_value: unknown, current: unknown, name: string): never {
  if (current === UNINITIALIZED) throw new ReferenceError(`Cannot access '${name}' before initialization`);
  throw new TypeError("Assignment to constant variable.");
}

/**
 * A const local as the target of a destructuring or a for…in/of head
 * (`[x] = a`): writing its `value` throws as {@link assignToConstant} does.
 */
export function constantTarget(current: unknown, name: string): { value: unknown } {
  return {
    set value(_value: unknown) {
      assignToConstant(_value, current, name);
    },
  };
}

/**
 * A let/class local that may be written before its declaration, as the
 * target of a destructuring or a for…in/of head (`[x] = a`): writing `value`
 * throws as the native write would while the local is in its dead zone, and
 * stores the value otherwise.
 */
export function initializedTarget(holder: Record<string, unknown>, key: string, name: string): { value: unknown } {
  return {
    set value(value: unknown) {
      checkWritable(value, holder[key], name);
      holder[key] = value;
    },
  };
}
