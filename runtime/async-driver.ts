/**
 * The driver of a compiled async generator: the spec's AsyncGenerator
 * operations (the request queue, AsyncGeneratorResume, Await, the async
 * `yield*` loop) around the synchronous body machinery a frame shares with
 * sync generators.
 *
 * It lives in an object of its own, one per generator, rather than in the
 * frame's fields: every compiled class gives its frames a hidden class of
 * their own (their locals are fields), so code shared by all async
 * generators that reads and writes frame fields goes megamorphic as soon as
 * a program runs a few async generator types (counter loop: 1.2× native with
 * one type, 3.2× after six others had run). The driver's objects all share
 * one shape; the frame is touched only to run the body (`_runNext`, the
 * class's own copy of the fast path) and to read where it stopped.
 *
 * States follow the spec: suspended at start, suspended at a yield,
 * executing (running or awaiting), awaiting a return, completed.
 */
import { DONE, type Frame, type Status, SUSPENDED_START, SUSPENDED_YIELD } from "./frame.js";
import { callIteratorMethod, isObject, notAnIteratorResult, throwMethodMissing } from "./iterate.js";
import { NativePromise, promiseResolve, promiseThen } from "./native-promise.js";

const ASYNC_START = 0;
const ASYNC_YIELD = 1;
const ASYNC_EXECUTING = 2;
const ASYNC_AWAITING_RETURN = 3;
const ASYNC_DONE = 4;
/**
 * Finished, and settling the requests that waited (the spec's draining-queue):
 * settling one can run code (a `then` getter on Object.prototype) that makes
 * another request, which then waits its turn in the queue being drained.
 */
const ASYNC_DRAINING = 5;
type AsyncState =
  | typeof ASYNC_START
  | typeof ASYNC_YIELD
  | typeof ASYNC_EXECUTING
  | typeof ASYNC_AWAITING_RETURN
  | typeof ASYNC_DONE
  | typeof ASYNC_DRAINING;

export const NEXT = 0;
export const THROW = 1;
export const RETURN = 2;
export type Method = typeof NEXT | typeof THROW | typeof RETURN;

/** What a settled await continues with. */
const AFTER_AWAIT = 0; // an `await` in the body: resume it with the outcome
const AFTER_YIELD_VALUE = 1; // `yield v`: v awaited, now yield it (or throw at the yield)
const AFTER_RETURN_REQUEST = 2; // return(v) at a yield: v awaited, now return from there (or throw there)
const AFTER_COMPLETED_RETURN = 3; // return(v) on a generator that is not running: v awaited, settle the request
const AFTER_DELEGATE_RESULT = 4; // yield*: the delegate's next() or throw() result awaited
const AFTER_DELEGATE_RETURN = 5; // yield*: the delegate's return() result awaited
const AFTER_DELEGATE_CLOSE = 6; // yield*: a throw() the delegate cannot take closed it; its return() result awaited
type AfterAwait = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** What a frame's `_delegateYield` hands the driver through the body: "a `yield*` starts here". */
export const DELEGATE: unique symbol = Symbol("delegate");

/** What the driver needs of its frame: the sync body machinery, and where the body's awaits are. */
export interface DrivenFrame extends Frame {
  _runNext(value: unknown): IteratorResult<unknown, unknown>;
  readonly _awaitLocs: ReadonlySet<number>;
}

interface AsyncRequest {
  method: Method;
  arg: unknown;
  resolve: (value: IteratorResult<unknown, unknown>) => void;
  reject: (reason: unknown) => void;
}

/** Fulfilled once and for all: what the await of a primitive hangs its reaction on. */
const FULFILLED = NativePromise.resolve(undefined);
/** No primitive is being awaited. */
const NOTHING: unique symbol = Symbol("nothing");

export class AsyncDriver {
  private state: AsyncState = ASYNC_START;
  // The requests not yet settled, oldest first. The oldest, the one being
  // served, is kept in fields of its own: a program that awaits each next()
  // before making the next one has no other, and its requests then cost no
  // record and its generators no queue.
  private served = false;
  private servedMethod: Method = NEXT;
  private servedArg: unknown = undefined;
  private servedResolve: AsyncRequest["resolve"] | undefined = undefined;
  private servedReject: AsyncRequest["reject"] | undefined = undefined;
  /** The requests behind it, oldest first. */
  private waiting: AsyncRequest[] | null = null;
  /** What the await in progress continues with (one at a time: the body is suspended while it lasts). */
  private after: AfterAwait = AFTER_AWAIT;
  /** The await's reactions, made on the first await and kept. */
  private onFulfilled: ((value: unknown) => void) | null = null;
  private onRejected: ((reason: unknown) => void) | null = null;
  /** The primitive being awaited, which its reaction reads here; NOTHING when the await is of an object. */
  private awaitedPrimitive: unknown = NOTHING;
  readonly frame: DrivenFrame;
  // What the driver needs of the frame class, read once and by the class's
  // own constructor, which passes them: a load from frames of many classes is
  // a slow one.
  /** The class's own `_runNext`. */
  private readonly runNext: DrivenFrame["_runNext"];
  /** The class's await locations. */
  private readonly awaitLocs: ReadonlySet<number>;

  constructor(frame: DrivenFrame, runNext: DrivenFrame["_runNext"], awaitLocs: ReadonlySet<number>) {
    this.frame = frame;
    this.runNext = runNext;
    this.awaitLocs = awaitLocs;
  }

  /** Whether a snapshot may be taken: suspended (or finished), no request waiting, not awaiting. */
  isIdle(): boolean {
    const state = this.state;
    return (state === ASYNC_START || state === ASYNC_YIELD || state === ASYNC_DONE) && !this.served;
  }

  /** After restore: the async state the restored sync status implies. */
  syncWithStatus(status: Status): void {
    this.state = status === SUSPENDED_START ? ASYNC_START : status === SUSPENDED_YIELD ? ASYNC_YIELD : ASYNC_DONE;
    this.served = false;
    this.servedArg = this.servedResolve = this.servedReject = undefined;
    this.waiting = null;
  }

  request(method: Method, arg: unknown): Promise<IteratorResult<unknown, unknown>> {
    let resolve!: AsyncRequest["resolve"];
    let reject!: AsyncRequest["reject"];
    const promise = new NativePromise<IteratorResult<unknown, unknown>>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    let state = this.state;
    if (method === NEXT) {
      if (state === ASYNC_DONE) {
        resolve({ value: undefined, done: true });
        return promise;
      }
    } else if (method === THROW) {
      if (state === ASYNC_START) {
        this.finishUnstarted();
        state = ASYNC_DONE;
      }
      if (state === ASYNC_DONE) {
        reject(arg);
        return promise;
      }
    }
    if (this.served) {
      (this.waiting ??= []).push({ method, arg, resolve, reject });
    } else {
      this.served = true;
      this.servedMethod = method;
      this.servedArg = arg;
      this.servedResolve = resolve;
      this.servedReject = reject;
    }
    if (method === RETURN && (state === ASYNC_START || state === ASYNC_DONE)) {
      if (state === ASYNC_START) this.finishUnstarted();
      this.awaitReturn(arg);
    } else if (state === ASYNC_START || state === ASYNC_YIELD) {
      if (method === NEXT && this.frame._delegate === null) {
        // resumeWith's common case, two calls fewer on the stack: a recursive
        // `yield*` starts each level from here, and native chains go deep.
        this.state = ASYNC_EXECUTING;
        this.step(NEXT, arg);
      } else {
        this.resumeWith(method, arg);
      }
    }
    // Executing, awaiting a return or draining the queue: the request waits its turn.
    return promise;
  }

  /** Never started: the body will not run at all. */
  private finishUnstarted(): void {
    this.state = ASYNC_DONE;
    this.frame._status = DONE;
  }

  /** Resumes the suspended body with a request's completion (AsyncGeneratorResume). */
  private resumeWith(method: Method, arg: unknown): void {
    this.state = ASYNC_EXECUTING;
    // A return at a yield awaits its value first (AsyncGeneratorUnwrapYieldResumption).
    if (method === RETURN) this.awaitThen(arg, AFTER_RETURN_REQUEST);
    else this.continueWith(method, arg);
  }

  /** The body goes on with a completion: through its `yield*` delegate when it has one, else itself. */
  private continueWith(method: Method, arg: unknown): void {
    if (this.frame._delegate !== null) this.delegateSend(method, arg);
    else this.step(method, arg);
  }

  /** One round of the spec's `yield*` loop (async): forward a completion to the delegate, await what it gives. */
  private delegateSend(method: Method, arg: unknown): void {
    const frame = this.frame;
    const iterator = frame._delegate as unknown as AsyncIterator<unknown>;
    let result: unknown;
    try {
      if (method === NEXT) {
        result = iterator.next(arg);
      } else {
        const fn = method === THROW ? iterator.throw : iterator.return;
        if (fn === undefined || fn === null) {
          frame._delegate = null;
          if (method === RETURN) {
            // No return() to forward to: this generator returns, with the value awaited.
            this.awaitThen(arg, AFTER_RETURN_REQUEST);
            return;
          }
          // The spec closes a delegate that cannot take a throw, then reports the protocol violation.
          const close = iterator.return;
          if (close === undefined || close === null) throw throwMethodMissing();
          this.awaitThen(callIteratorMethod(close, iterator), AFTER_DELEGATE_CLOSE);
          return;
        }
        result = callIteratorMethod(fn, iterator, arg);
      }
    } catch (error) {
      frame._delegate = null;
      this.step(THROW, error);
      return;
    }
    this.awaitThen(result, method === RETURN ? AFTER_DELEGATE_RETURN : AFTER_DELEGATE_RESULT);
  }

  /** The delegate's awaited result: yield its value as it is (no await), or end the `yield*`. */
  private delegateResult(result: unknown, fromReturn: boolean): void {
    const frame = this.frame;
    let done: boolean;
    let value: unknown;
    try {
      if (!isObject(result)) throw notAnIteratorResult(result);
      done = Boolean((result as IteratorResult<unknown>).done);
      value = (result as IteratorResult<unknown>).value;
    } catch (error) {
      frame._delegate = null;
      this.step(THROW, error);
      return;
    }
    if (done) {
      frame._delegate = null;
      if (fromReturn) {
        // The delegate returned: so does this generator, with that value (not awaited again, as in V8 and ES2025).
        this.step(RETURN, value);
      } else {
        (frame as unknown as Record<string, unknown>)[frame._delegateTemp!] = value;
        this.step(NEXT, undefined);
      }
      return;
    }
    this.yielded(value);
  }

  /** Runs the body from its state until an await, a yield or its end. */
  private step(method: Method, arg: unknown): void {
    const frame = this.frame;
    let result: IteratorResult<unknown, unknown>;
    try {
      if (method === NEXT) {
        result = this.runNext.call(frame, arg);
      } else {
        frame._method = method;
        frame._arg = arg;
        result = frame._run();
      }
    } catch (error) {
      this.state = ASYNC_DRAINING;
      this.settle(THROW, error, true);
      this.drain();
      return;
    }
    if (result.done) {
      this.state = ASYNC_DRAINING;
      this.settle(NEXT, result.value, true);
      this.drain();
      return;
    }
    if (result.value === DELEGATE && frame._delegate !== null) {
      this.delegateSend(NEXT, undefined);
      return;
    }
    this.awaitThen(result.value, this.awaitLocs.has(frame._next) ? AFTER_AWAIT : AFTER_YIELD_VALUE);
  }

  /** Await(value), then continue as `after` says. */
  private awaitThen(value: unknown, after: AfterAwait): void {
    this.after = after;
    if (this.onFulfilled === null) {
      // Bound methods, not arrow functions: they hold no context, and a suspended generator keeps them.
      this.onFulfilled = this.fulfilled.bind(this);
      this.onRejected = this.rejected.bind(this);
    }
    if ((typeof value !== "object" && typeof value !== "function") || value === null) {
      // A primitive is no thenable: awaiting it takes one job, queued at once, as a
      // reaction to any promise already fulfilled does; no promise of its own needed.
      this.awaitedPrimitive = value;
      promiseThen.call(FULFILLED, this.onFulfilled);
      return;
    }
    let promise: Promise<unknown>;
    try {
      promise = promiseResolve(value);
    } catch (error) {
      this.afterAwait(after, false, error);
      return;
    }
    promiseThen.call(promise, this.onFulfilled, this.onRejected);
  }

  private fulfilled(settled: unknown): void {
    const primitive = this.awaitedPrimitive;
    this.awaitedPrimitive = NOTHING;
    this.afterAwait(this.after, true, primitive === NOTHING ? settled : primitive);
  }

  private rejected(reason: unknown): void {
    this.afterAwait(this.after, false, reason);
  }

  private afterAwait(after: AfterAwait, fulfilled: boolean, value: unknown): void {
    switch (after) {
      case AFTER_AWAIT:
        this.step(fulfilled ? NEXT : THROW, value);
        return;
      case AFTER_RETURN_REQUEST:
        // Inside a `yield*`, the awaited return (or the rejection, as a throw) goes to the delegate.
        this.continueWith(fulfilled ? RETURN : THROW, value);
        return;
      case AFTER_YIELD_VALUE:
        if (!fulfilled) {
          // The yielded promise rejected: the yield throws.
          this.step(THROW, value);
          return;
        }
        this.yielded(value);
        return;
      case AFTER_DELEGATE_RESULT:
      case AFTER_DELEGATE_RETURN:
        if (!fulfilled) {
          this.frame._delegate = null;
          this.step(THROW, value);
          return;
        }
        this.delegateResult(value, after === AFTER_DELEGATE_RETURN);
        return;
      case AFTER_DELEGATE_CLOSE:
        if (fulfilled && !isObject(value)) this.step(THROW, notAnIteratorResult(value));
        else this.step(THROW, fulfilled ? throwMethodMissing() : value);
        return;
      case AFTER_COMPLETED_RETURN:
        this.state = ASYNC_DRAINING;
        this.settle(fulfilled ? NEXT : THROW, value, true);
        this.drain();
        return;
    }
  }

  /** A yield settles the oldest request; one that came meanwhile is served at once (AsyncGeneratorYield). */
  private yielded(value: unknown): void {
    this.settle(NEXT, value, false);
    if (this.served) this.resumeWith(this.servedMethod, this.servedArg);
    else this.state = ASYNC_YIELD;
  }

  /** return(v) on a generator that is not running: await v, then settle (AsyncGeneratorAwaitReturn). */
  private awaitReturn(value: unknown): void {
    this.state = ASYNC_AWAITING_RETURN;
    this.awaitThen(value, AFTER_COMPLETED_RETURN);
  }

  /** Settles the oldest request (AsyncGeneratorCompleteStep); the next one, if any, is served from then on. */
  private settle(method: Method, value: unknown, done: boolean): void {
    const resolve = this.servedResolve!;
    const reject = this.servedReject!;
    // The queue moves on first: settling can run code (a `then` getter on
    // Object.prototype) that makes a request of this generator.
    const next = this.waiting === null ? undefined : this.waiting.shift();
    if (next === undefined) {
      this.served = false;
      this.servedArg = this.servedResolve = this.servedReject = undefined;
    } else {
      this.servedMethod = next.method;
      this.servedArg = next.arg;
      this.servedResolve = next.resolve;
      this.servedReject = next.reject;
    }
    if (method === THROW) reject(value);
    else resolve({ value, done });
  }

  /** The generator is finished: settle what is waiting (AsyncGeneratorDrainQueue), then it is done. */
  private drain(): void {
    while (this.served) {
      const method = this.servedMethod;
      if (method === RETURN) {
        this.awaitReturn(this.servedArg);
        return;
      }
      this.settle(method, method === THROW ? this.servedArg : undefined, true);
    }
    this.state = ASYNC_DONE;
  }
}
