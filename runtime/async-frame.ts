/**
 * The base class of every compiled async generator. Like a `Frame`, an
 * `AsyncFrame` IS the generator object, and its compiled `_body` is the same
 * kind of switch over resume locations, stepped by the same synchronous
 * machinery (`_run`, `_abrupt`, `_finish`…, shared with `Frame`). What
 * differs is the driver: `next`, `throw` and `return` return promises and
 * queue their requests, as the spec's AsyncGenerator operations do, and the
 * body suspends at two kinds of places:
 *   - an `await` (the compiler turns each into a yield whose resume location
 *     is listed in `_awaitLocs`): the driver awaits the value and steps the
 *     body again with the outcome; not a snapshot point;
 *   - a real `yield`: the driver awaits the yielded value (as `yield v` does
 *     in an async generator), then settles the oldest request with it; a
 *     snapshot point when no request is waiting;
 *   - a `yield*`: `_delegateYield` hands the delegate to the driver, which
 *     runs the spec's async `yield*` loop (forward each request, await the
 *     result, yield its value as it is) until the delegate is done.
 *
 * States (`_astate`) follow the spec: suspended at start, suspended at a
 * yield, executing (running or awaiting), awaiting a return, completed.
 */
import { asyncIterate } from "./async-iterate.js";
import { DONE, Frame, markCompiledFunction, SUSPENDED_START, SUSPENDED_YIELD } from "./frame.js";
import type { FrameClass } from "./function-table.js";
import { isObject, notAnIteratorResult } from "./iterate.js";

export const ASYNC_START = 0;
export const ASYNC_YIELD = 1;
export const ASYNC_EXECUTING = 2;
export const ASYNC_AWAITING_RETURN = 3;
export const ASYNC_DONE = 4;
export type AsyncState =
  typeof ASYNC_START | typeof ASYNC_YIELD | typeof ASYNC_EXECUTING | typeof ASYNC_AWAITING_RETURN | typeof ASYNC_DONE;

const NEXT = 0;
const THROW = 1;
const RETURN = 2;
type Method = typeof NEXT | typeof THROW | typeof RETURN;

/** What a settled await continues with. */
const AFTER_AWAIT = 0; // an `await` in the body: resume it with the outcome
const AFTER_YIELD_VALUE = 1; // `yield v`: v awaited, now yield it (or throw at the yield)
const AFTER_RETURN_REQUEST = 2; // return(v) at a yield: v awaited, now return from there (or throw there)
const AFTER_COMPLETED_RETURN = 3; // return(v) on a generator that is not running: v awaited, settle the request
const AFTER_DELEGATE_RESULT = 4; // yield*: the delegate's next() or throw() result awaited
const AFTER_DELEGATE_RETURN = 5; // yield*: the delegate's return() result awaited
const AFTER_DELEGATE_CLOSE = 6; // yield*: a throw() the delegate cannot take closed it; its return() result awaited
type AfterAwait = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** What `_delegateYield` hands the driver through the body: "a `yield*` starts here". */
const DELEGATE: unique symbol = Symbol("delegate");

interface AsyncRequest {
  method: Method;
  arg: unknown;
  resolve: (value: IteratorResult<unknown, unknown>) => void;
  reject: (reason: unknown) => void;
}

/** The engine's own Promise and `then`, as the spec's Await uses them, whatever the program does to the globals. */
const NativePromise = Promise;
const promiseResolve = Promise.resolve.bind(Promise) as (value: unknown) => Promise<unknown>;
const promiseThen = Promise.prototype.then;

export abstract class AsyncFrame extends Frame {
  /** The async generator's state (see the constants above). */
  _astate: AsyncState = ASYNC_START;
  /** Requests not yet settled, oldest first; the first is the one being served. */
  _queue: AsyncRequest[] | null = null;

  /** Set by defineResumable: the resume locations of the body's awaits. */
  declare _awaitLocs: ReadonlySet<number>;

  /** Whether a snapshot may be taken: suspended (or finished), no request waiting, not awaiting. */
  _isIdle(): boolean {
    const state = this._astate;
    return (state === ASYNC_START || state === ASYNC_YIELD || state === ASYNC_DONE) && (this._queue === null || this._queue.length === 0);
  }

  /** After restore: the async state the restored sync status implies. */
  _syncAsyncState(): void {
    const status = this._status;
    this._astate = status === SUSPENDED_START ? ASYNC_START : status === SUSPENDED_YIELD ? ASYNC_YIELD : ASYNC_DONE;
    this._queue = null;
  }

  _request(method: Method, arg: unknown): Promise<IteratorResult<unknown, unknown>> {
    let resolve!: AsyncRequest["resolve"];
    let reject!: AsyncRequest["reject"];
    const promise = new NativePromise<IteratorResult<unknown, unknown>>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    let state = this._astate;
    if (method === NEXT) {
      if (state === ASYNC_DONE) {
        resolve({ value: undefined, done: true });
        return promise;
      }
    } else if (method === THROW) {
      if (state === ASYNC_START) {
        this._finishUnstarted();
        state = ASYNC_DONE;
      }
      if (state === ASYNC_DONE) {
        reject(arg);
        return promise;
      }
    }
    const queue = (this._queue ??= []);
    queue.push({ method, arg, resolve, reject });
    if (method === RETURN && (state === ASYNC_START || state === ASYNC_DONE)) {
      if (state === ASYNC_START) this._finishUnstarted();
      this._awaitReturn(arg);
    } else if (state === ASYNC_START || state === ASYNC_YIELD) {
      this._resumeWith(method, arg);
    }
    // Executing or awaiting a return: the request waits its turn.
    return promise;
  }

  /** Never started: the body will not run at all. */
  _finishUnstarted(): void {
    this._astate = ASYNC_DONE;
    this._status = DONE;
  }

  /** Resumes the suspended body with a request's completion (AsyncGeneratorResume). */
  _resumeWith(method: Method, arg: unknown): void {
    this._astate = ASYNC_EXECUTING;
    // A return at a yield awaits its value first (AsyncGeneratorUnwrapYieldResumption).
    if (method === RETURN) this._await(arg, AFTER_RETURN_REQUEST);
    else this._continue(method, arg);
  }

  /** The body goes on with a completion: through its `yield*` delegate when it has one, else itself. */
  _continue(method: Method, arg: unknown): void {
    if (this._delegate !== null) this._delegateSend(method, arg);
    else this._step(method, arg);
  }

  /** `yield* iterable` in the body: GetIterator(iterable, async); the driver takes it from there. */
  override _delegateYield(iterable: unknown, resultTemp: string, nextLoc: number): unknown {
    this._delegate = asyncIterate(iterable) as unknown as Iterator<unknown>;
    this._delegateTemp = resultTemp;
    this._next = nextLoc;
    return DELEGATE;
  }

  /** One round of the spec's `yield*` loop (async): forward a completion to the delegate, await what it gives. */
  _delegateSend(method: Method, arg: unknown): void {
    const iterator = this._delegate as unknown as AsyncIterator<unknown>;
    let result: unknown;
    try {
      if (method === NEXT) {
        result = iterator.next(arg);
      } else {
        const fn = method === THROW ? iterator.throw : iterator.return;
        if (fn === undefined || fn === null) {
          this._delegate = null;
          if (method === RETURN) {
            // No return() to forward to: this generator returns, with the value awaited.
            this._await(arg, AFTER_RETURN_REQUEST);
            return;
          }
          // The spec closes a delegate that cannot take a throw, then reports the protocol violation.
          const close = iterator.return;
          if (close === undefined || close === null) throw new TypeError("The iterator does not provide a 'throw' method");
          this._await(close.call(iterator), AFTER_DELEGATE_CLOSE);
          return;
        }
        result = fn.call(iterator, arg);
      }
    } catch (error) {
      this._delegate = null;
      this._step(THROW, error);
      return;
    }
    this._await(result, method === RETURN ? AFTER_DELEGATE_RETURN : AFTER_DELEGATE_RESULT);
  }

  /** The delegate's awaited result: yield its value as it is (no await), or end the `yield*`. */
  _delegateResult(result: unknown, fromReturn: boolean): void {
    let done: boolean;
    let value: unknown;
    try {
      if (!isObject(result)) throw notAnIteratorResult(result);
      done = Boolean((result as IteratorResult<unknown>).done);
      value = (result as IteratorResult<unknown>).value;
    } catch (error) {
      this._delegate = null;
      this._step(THROW, error);
      return;
    }
    if (done) {
      this._delegate = null;
      if (fromReturn) {
        // The delegate returned: so does this generator, with that value (not awaited again, as in V8 and ES2025).
        this._step(RETURN, value);
      } else {
        (this as unknown as Record<string, unknown>)[this._delegateTemp!] = value;
        this._step(NEXT, undefined);
      }
      return;
    }
    this._yielded(value);
  }

  /** Runs the body from its state until an await, a yield or its end. */
  _step(method: Method, arg: unknown): void {
    this._method = method;
    this._arg = arg;
    let result: IteratorResult<unknown, unknown>;
    try {
      result = this._run();
    } catch (error) {
      this._astate = ASYNC_DONE;
      this._settle(THROW, error, true);
      this._drain();
      return;
    }
    if (result.done) {
      this._astate = ASYNC_DONE;
      this._settle(NEXT, result.value, true);
      this._drain();
      return;
    }
    if (result.value === DELEGATE && this._delegate !== null) {
      this._delegateSend(NEXT, undefined);
      return;
    }
    this._await(result.value, this._awaitLocs.has(this._next) ? AFTER_AWAIT : AFTER_YIELD_VALUE);
  }

  /** Await(value), then continue as `after` says. */
  _await(value: unknown, after: AfterAwait): void {
    let promise: Promise<unknown>;
    try {
      promise = promiseResolve(value);
    } catch (error) {
      this._afterAwait(after, false, error);
      return;
    }
    promiseThen.call(
      promise,
      (settled: unknown) => this._afterAwait(after, true, settled),
      (reason: unknown) => this._afterAwait(after, false, reason),
    );
  }

  _afterAwait(after: AfterAwait, fulfilled: boolean, value: unknown): void {
    switch (after) {
      case AFTER_AWAIT:
        this._step(fulfilled ? NEXT : THROW, value);
        return;
      case AFTER_RETURN_REQUEST:
        // Inside a `yield*`, the awaited return (or the rejection, as a throw) goes to the delegate.
        this._continue(fulfilled ? RETURN : THROW, value);
        return;
      case AFTER_YIELD_VALUE:
        if (!fulfilled) {
          // The yielded promise rejected: the yield throws.
          this._step(THROW, value);
          return;
        }
        this._yielded(value);
        return;
      case AFTER_DELEGATE_RESULT:
      case AFTER_DELEGATE_RETURN:
        if (!fulfilled) {
          this._delegate = null;
          this._step(THROW, value);
          return;
        }
        this._delegateResult(value, after === AFTER_DELEGATE_RETURN);
        return;
      case AFTER_DELEGATE_CLOSE:
        if (fulfilled && !isObject(value)) this._step(THROW, notAnIteratorResult(value));
        else this._step(THROW, fulfilled ? new TypeError("The iterator does not provide a 'throw' method") : value);
        return;
      case AFTER_COMPLETED_RETURN:
        this._astate = ASYNC_DONE;
        this._settle(fulfilled ? NEXT : THROW, value, true);
        this._drain();
        return;
    }
  }

  /** A yield settles the oldest request; one that came meanwhile is served at once (AsyncGeneratorYield). */
  _yielded(value: unknown): void {
    this._settle(NEXT, value, false);
    const waiting = this._queue!;
    if (waiting.length > 0) this._resumeWith(waiting[0]!.method, waiting[0]!.arg);
    else this._astate = ASYNC_YIELD;
  }

  /** return(v) on a generator that is not running: await v, then settle (AsyncGeneratorAwaitReturn). */
  _awaitReturn(value: unknown): void {
    this._astate = ASYNC_AWAITING_RETURN;
    this._await(value, AFTER_COMPLETED_RETURN);
  }

  /** Settles the oldest request (AsyncGeneratorCompleteStep). */
  _settle(method: Method, value: unknown, done: boolean): void {
    const request = this._queue!.shift()!;
    if (method === THROW) request.reject(value);
    else request.resolve({ value, done });
  }

  /** The generator is finished: settle what is waiting (AsyncGeneratorDrainQueue). */
  _drain(): void {
    const queue = this._queue;
    while (queue !== null && queue.length > 0) {
      const request = queue[0]!;
      if (request.method === RETURN) {
        this._awaitReturn(request.arg);
        return;
      }
      this._settle(request.method, request.method === THROW ? request.arg : undefined, true);
    }
  }
}

// The prototype chain of a native async generator: AsyncFrame.prototype →
// (the machinery shared with Frame) → %AsyncGeneratorPrototype% →
// %AsyncIteratorPrototype% (Symbol.asyncIterator) → Object.prototype. The
// class still extends Frame for its constructor and fields, but an async
// generator is no sync iterator, so %GeneratorPrototype% (and Frame's own
// next/throw/return and Symbol.iterator) are not on the chain.
const AsyncGeneratorFunctionPrototype = Object.getPrototypeOf(async function* () {}) as object;
const AsyncGeneratorPrototype = (AsyncGeneratorFunctionPrototype as { prototype: object }).prototype;
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
 * The brand check of next/throw/return: an AsyncFrame's own fields, not only
 * its prototype (`Object.create(gen)` inherits the methods, and a native
 * async generator refuses it too).
 */
function isAsyncFrameItself(value: unknown): value is AsyncFrame {
  return value instanceof AsyncFrame && Object.hasOwn(value, "_astate");
}

function notAnAsyncFrame(name: string): Promise<never> {
  return NativePromise.reject(new TypeError(`${name} method called on an object that is not a resumable async generator`));
}

// next/throw/return as methods of the class (non-enumerable), returning
// promises; made as methods (named, not constructors), one per request kind.
for (const [name, method] of [
  ["next", NEXT],
  ["throw", THROW],
  ["return", RETURN],
] as const) {
  const { [name]: request } = {
    [name](this: AsyncFrame, arg?: unknown) {
      if (!isAsyncFrameItself(this)) return notAnAsyncFrame(name);
      return this._request(method, arg);
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
