/**
 * The base class of every compiled async generator. Like a `Frame`, an
 * `AsyncFrame` IS the generator object, and its compiled `_body` is the same
 * kind of switch over resume locations, stepped by the same synchronous
 * machinery (`_run`, `_abrupt`, `_finish`…, shared with `Frame`). What
 * differs is the driver (async-driver.ts, an object of its own per
 * generator): `next`, `throw` and `return` return promises and queue their
 * requests, as the spec's AsyncGenerator operations do, and the body
 * suspends at three kinds of places:
 *   - an `await` (the compiler turns each into a yield whose resume location
 *     is listed in `_awaitLocs`): the driver awaits the value and steps the
 *     body again with the outcome; not a snapshot point;
 *   - a real `yield`: the driver awaits the yielded value (as `yield v` does
 *     in an async generator), then settles the oldest request with it; a
 *     snapshot point when no request is waiting;
 *   - a `yield*`: `_delegateYield` hands the delegate to the driver, which
 *     runs the spec's async `yield*` loop (forward each request, await the
 *     result, yield its value as it is) until the delegate is done.
 */
import { AsyncDriver, DELEGATE, NEXT, RETURN, THROW } from "./async-driver.js";
import { asyncIterate } from "./async-iterate.js";
import { Frame, markCompiledFunction } from "./frame.js";
import { AsyncGeneratorFunctionPrototype, AsyncGeneratorPrototype } from "./generator-intrinsics.js";
import { incompatibleReceiver } from "./incompatible-receiver.js";
import { types } from "node:util";
import type { FrameClass } from "./function-table.js";
import { promiseReject } from "./native-promise.js";

export abstract class AsyncFrame extends Frame {
  /**
   * The request queue and the awaits: an object of one shape for every class
   * (async-driver.ts). Written by the compiled constructor, like Frame's fields.
   */
  declare readonly _driver: AsyncDriver;

  /** Set by defineResumable: the resume locations of the body's awaits. */
  declare _awaitLocs: ReadonlySet<number>;

  /** Whether a snapshot may be taken: suspended (or finished), no request waiting, not awaiting. */
  _isIdle(): boolean {
    return this._driver.isIdle();
  }

  /** After restore: the async state the restored sync status implies. */
  _syncAsyncState(): void {
    this._driver.syncWithStatus(this._status);
  }

  /**
   * Runs the body on with `value` as the result of the yield or await it is
   * suspended at (or from the start). Each compiled class overrides this with
   * its own copy of the sync fast path (frame-class.ts), so that the body's
   * steps stay monomorphic however many async generator types a program runs;
   * this one serves code compiled before that existed.
   */
  _runNext(value: unknown): IteratorResult<unknown, unknown> {
    return this._resume(NEXT, value);
  }

  /** `yield* iterable` in the body: GetIterator(iterable, async); the driver takes it from there. */
  override _delegateYield(iterable: unknown, resultTemp: string, nextLoc: number): unknown {
    this._delegate = asyncIterate(iterable) as unknown as Iterator<unknown>;
    this._delegateTemp = resultTemp;
    this._next = nextLoc;
    return DELEGATE;
  }
}

// The prototype chain of a native async generator: AsyncFrame.prototype →
// (the machinery shared with Frame) → %AsyncGeneratorPrototype% →
// %AsyncIteratorPrototype% (Symbol.asyncIterator) → Object.prototype. The
// class still extends Frame for its constructor and fields, but an async
// generator is no sync iterator, so %GeneratorPrototype% (and Frame's own
// next/throw/return and Symbol.iterator) are not on the chain.
const SYNC_ONLY = new Set<PropertyKey>([
  "constructor",
  "next",
  "throw",
  "return",
  Symbol.iterator,
  Symbol.for("nodejs.util.inspect.custom"),
]);
const machinery = Object.create(AsyncGeneratorPrototype) as object;
for (const key of Reflect.ownKeys(Frame.prototype)) {
  if (!SYNC_ONLY.has(key)) Object.defineProperty(machinery, key, Object.getOwnPropertyDescriptor(Frame.prototype, key)!);
}
Object.defineProperty(machinery, Symbol.for("nodejs.util.inspect.custom"), {
  value: () => "Object [AsyncGenerator] {}",
  writable: true,
  configurable: true,
});
Object.setPrototypeOf(AsyncFrame.prototype, machinery);

/**
 * The receiver check of AsyncFrame's next/throw/return, which a compiled
 * class's own methods call for any receiver without their brand: a frame
 * of another class is served (as one native `next` serves every async
 * generator), by the driver of the receiver itself. `Object.create(gen)`
 * inherits the driver, but that driver's frame is another object; a proxy
 * is refused before anything is read through it (its traps are the
 * program's code). A frame of the calling class never comes here, so this
 * may cost what the proxy test takes (about 20 ns).
 */
function driverOf(value: unknown): AsyncDriver | undefined {
  if (typeof value !== "object" || value === null || types.isProxy(value)) return undefined;
  const driver = (value as { _driver?: unknown })._driver;
  return driver instanceof AsyncDriver && driver.frame === value ? driver : undefined;
}

function notAnAsyncFrame(name: string, receiver: unknown): Promise<never> {
  return promiseReject(incompatibleReceiver("AsyncGenerator", name, receiver));
}

// next/throw/return as methods of the class (non-enumerable), returning
// promises; made as methods (named, not constructors), one per request kind.
for (const [name, method] of [
  ["next", NEXT],
  ["throw", THROW],
  ["return", RETURN],
] as const) {
  const { [name]: request } = {
    [name](this: unknown, arg?: unknown) {
      const driver = driverOf(this);
      if (driver === undefined) return notAnAsyncFrame(name, this);
      return driver.request(method, arg);
    },
  };
  Object.defineProperty(AsyncFrame.prototype, name, { value: request, writable: true, configurable: true });
}

/** Whether a value is a compiled generator, sync or async. */
export function isFrame(value: unknown): value is Frame {
  return value instanceof Frame || value instanceof AsyncFrame;
}

/**
 * Makes a compiled async generator function look like one (`fn instanceof
 * AsyncGeneratorFunction`, `fn.prototype`), and lets a snapshot hold it by its id.
 */
export function markAsyncGeneratorFunction<F extends Function>(fn: F, frameClass: FrameClass, inferredName?: string): F {
  return markCompiledFunction(fn, frameClass, AsyncGeneratorFunctionPrototype, inferredName);
}
