/**
 * The base class of every compiled generator. A frame IS the generator
 * object: `next`, `throw` and `return` drive the compiled `_body`, a switch
 * over resume locations produced by regenerator's emitter, and this class
 * implements the operations that body calls (`_abrupt`, `_finish`, `_catch`,
 * `_stop`, `_delegateYield`) with all of their state in fields, so that a
 * snapshot sees everything.
 *
 * Field names: user state is `$name` (set by the subclass), runtime state is
 * `_name`; the layout is documented in the README's design section.
 */
import { noteGeneratorFunction, type FrameClass, type TryLocs } from "./function-table.js";
import { callIteratorMethod, isObject, iterate, notAnIteratorResult, throwMethodMissing } from "./iterate.js";
import { restoreSourceNames } from "./engine-messages.js";
import { GeneratorFunctionPrototype, GeneratorPrototype } from "./generator-intrinsics.js";
import { incompatibleReceiver } from "./incompatible-receiver.js";
import { types } from "node:util";

export const SUSPENDED_START = 0;
export const SUSPENDED_YIELD = 1;
export const RUNNING = 2;
export const DONE = 3;
export type Status = typeof SUSPENDED_START | typeof SUSPENDED_YIELD | typeof RUNNING | typeof DONE;

const NEXT = 0;
const THROW = 1;
const RETURN = 2;
type Method = typeof NEXT | typeof THROW | typeof RETURN;

/** A completion waiting for a `finally` block to end: how the try was left. */
export interface PendingCompletion {
  type: "throw" | "return" | "break" | "continue";
  /** The exception or return value, or the jump target for break/continue. */
  arg: unknown;
}

/**
 * Returned by the runtime operations to tell the driver "keep running the
 * body". Exported for the fast path each compiled class emits (frame-class.ts).
 */
export const CONTINUE: unique symbol = Symbol("continue");

export abstract class Frame implements Generator<unknown, unknown, unknown> {
  // The fields are declared, not initialized: each compiled constructor
  // writes them, in the order of frame-layout.ts (why is said there).
  /** SUSPENDED_START, SUSPENDED_YIELD, RUNNING or DONE. */
  declare _status: Status;
  /** The location the body continues at. */
  declare _next: number;
  /** The location being executed; decides which try statement encloses a throw. */
  declare _prev: number;
  /** The value passed to `next()`: the result of the `yield` being resumed. */
  declare _sent: unknown;
  /** The value a `return` is carrying to the end of the body. */
  declare _rval: unknown;
  /** How the body is being resumed (next, throw, return) and with what; transient. */
  declare _method: Method;
  declare _arg: unknown;
  /** The iterator a `yield*` is delegating to, and the temporary that gets its result. */
  declare _delegate: Iterator<unknown> | null;
  declare _delegateTemp: string | null;
  /** Per try statement (index in `_tryLocs`): the completion a running `finally` must resume. */
  declare _pending: Array<PendingCompletion | null> | null;
  /** `this` and `arguments` of the call that created the generator, when the body uses them. */
  declare _self: unknown;
  declare _args: unknown;

  /** Static tables, on the prototype of each frame class (set by defineResumable). */
  declare _tryLocs: TryLocs[];
  declare _finalLoc: number;

  /** The compiled body: runs from `_next` until a yield (returns its value) or the end. */
  abstract _body(frame: this): unknown;

  // A compiled class's own next() checks its receiver with a private name
  // and hands anything else here: a generator of another class (natively,
  // one `next` serves every generator), or what is not a generator at all.
  next(value?: unknown): IteratorResult<unknown, unknown> {
    if (!isGeneratorReceiver(this)) throw incompatibleReceiver("Generator", "next", this);
    return this._resume(NEXT, value);
  }

  throw(error: unknown): IteratorResult<unknown, unknown> {
    if (!isGeneratorReceiver(this)) throw incompatibleReceiver("Generator", "throw", this);
    return this._resume(THROW, error);
  }

  return(value?: unknown): IteratorResult<unknown, unknown> {
    if (!isGeneratorReceiver(this)) throw incompatibleReceiver("Generator", "return", this);
    return this._resume(RETURN, value);
  }

  [Symbol.iterator](): this {
    return this;
  }

  _resume(method: Method, arg: unknown): IteratorResult<unknown, unknown> {
    const status = this._status;
    if (status === RUNNING) throw new TypeError("Generator is already running");
    if (status === DONE) {
      if (method === THROW) throw arg;
      return { value: method === RETURN ? arg : undefined, done: true };
    }
    if (status === SUSPENDED_START && method !== NEXT) {
      // Never started: the body does not run at all.
      this._status = DONE;
      if (method === THROW) throw arg;
      return { value: arg, done: true };
    }
    this._method = method;
    this._arg = arg;
    return this._run();
  }

  /** Runs until the next yield or the end, from the state `_method`/`_arg` describe. */
  _run(): IteratorResult<unknown, unknown> {
    for (;;) {
      if (this._delegate !== null) {
        this._status = RUNNING;
        const result = this._stepDelegate();
        if (result !== null) {
          this._status = SUSPENDED_YIELD;
          this._arg = undefined;
          return result;
        }
      }
      const current = this._method;
      if (current === NEXT) {
        this._sent = this._arg;
      } else if (current === THROW) {
        if (!this._dispatchException(this._arg)) {
          this._status = DONE;
          this._delegate = null;
          throw this._arg;
        }
      } else {
        this._abrupt("return", this._arg);
      }
      this._method = NEXT;
      this._status = RUNNING;
      let value: unknown;
      try {
        value = this._body(this);
      } catch (error) {
        restoreSourceNames(error, this);
        this._method = THROW;
        this._arg = error;
        continue;
      }
      if (value === CONTINUE) continue;
      this._arg = undefined;
      if ((this._status as Status) === DONE) return { value, done: true };
      this._status = SUSPENDED_YIELD;
      return { value, done: false };
    }
  }

  /**
   * The slow path of a compiled class's own next(): its `yield*` delegate
   * returned a result that is done, or not an object.
   */
  _delegateFinished(result: unknown): IteratorResult<unknown, unknown> {
    this._delegate = null;
    if (!isObject(result)) return this._fail(notAnIteratorResult(result));
    let value: unknown;
    try {
      value = (result as IteratorResult<unknown>).value;
    } catch (error) {
      // A getter's throw is thrown at the yield*, as the body's own would be.
      return this._fail(error);
    }
    this._acceptDelegateResult(value);
    return this._run();
  }

  /** A `yield*` finished: its value goes to the temporary that stands for the expression. */
  _acceptDelegateResult(value: unknown): void {
    (this as unknown as Record<string, unknown>)[this._delegateTemp!] = value;
    this._method = NEXT;
    this._arg = undefined;
  }

  /** The slow path of a compiled class's own next(): its body (or its `yield*` delegate) threw. */
  _fail(error: unknown): IteratorResult<unknown, unknown> {
    restoreSourceNames(error, this);
    this._method = THROW;
    this._arg = error;
    return this._run();
  }

  /**
   * One step of a `yield*`: forward the pending next/throw/return to the
   * delegate. Returns the delegate's result to yield as is, or null when the
   * body must go on (the delegate finished, threw, or lacks the method).
   */
  _stepDelegate(): IteratorResult<unknown> | null {
    const iterator = this._delegate!;
    const method = this._method;
    let result: unknown;
    try {
      if (method === NEXT) {
        result = iterator.next(this._arg);
      } else {
        const fn = method === THROW ? iterator.throw : iterator.return;
        if (fn === undefined || fn === null) {
          this._delegate = null;
          if (method === THROW) {
            // The spec closes a delegate that cannot take a throw, then
            // reports the protocol violation.
            const close = iterator.return;
            if (close !== undefined && close !== null) {
              const closed = callIteratorMethod(close, iterator);
              if (!isObject(closed)) throw notAnIteratorResult(closed);
            }
            throw throwMethodMissing();
          }
          return null; // return() without a delegate `return`: this generator returns
        }
        result = callIteratorMethod(fn, iterator, this._arg);
      }
      if (!isObject(result)) throw notAnIteratorResult(result);
      if (!(result as IteratorResult<unknown>).done) return result as IteratorResult<unknown>;
    } catch (error) {
      this._delegate = null;
      this._method = THROW;
      this._arg = error;
      return null;
    }
    this._delegate = null;
    const value = (result as IteratorResult<unknown>).value;
    if (method === RETURN) {
      this._arg = value; // the delegate returned: so does this generator, with its value
    } else {
      this._acceptDelegateResult(value);
    }
    return null;
  }

  /** Finds the catch or finally that handles an exception thrown at `_prev`. */
  _dispatchException(exception: unknown): boolean {
    const tryLocs = this._tryLocs;
    const at = this._prev;
    for (let i = tryLocs.length - 1; i >= 0; i--) {
      const [tryLoc, catchLoc, finallyLoc, afterLoc] = tryLocs[i]!;
      if (tryLoc > at) continue;
      // Thrown from this finally block: the exception replaces the completion it was running for.
      if (finallyLoc !== null && finallyLoc <= at && afterLoc !== null && at < afterLoc) this._dropPending(i);
      if (catchLoc !== null && at < catchLoc) {
        this._setPending(i, { type: "throw", arg: exception });
        this._next = catchLoc;
        return true;
      }
      if (finallyLoc !== null && at < finallyLoc) {
        this._setPending(i, { type: "throw", arg: exception });
        this._next = finallyLoc;
        return true;
      }
    }
    return false;
  }

  _dropPending(index: number): void {
    if (this._pending !== null) this._pending[index] = null;
  }

  _setPending(index: number, completion: PendingCompletion | null): void {
    if (this._pending === null) {
      if (completion === null) return;
      this._pending = new Array<PendingCompletion | null>(this._tryLocs.length).fill(null);
    }
    this._pending[index] = completion;
  }

  /** A `return`, `break` or `continue` that may have to run finally blocks first. */
  _abrupt(type: "return" | "break" | "continue", arg: unknown): unknown {
    const tryLocs = this._tryLocs;
    const at = this._prev;
    for (let i = tryLocs.length - 1; i >= 0; i--) {
      const [tryLoc, , finallyLoc, afterLoc] = tryLocs[i]!;
      if (finallyLoc !== null && afterLoc !== null && finallyLoc <= at && at < afterLoc) {
        // Leaving this finally block (a jump to a place inside it would not come
        // here): this completion replaces the one it was running for.
        const target = arg as number;
        if (type === "return" || target < finallyLoc || target >= afterLoc) this._dropPending(i);
        continue;
      }
      if (finallyLoc === null || tryLoc > at || at >= finallyLoc) continue;
      // A jump that stays inside this try block does not leave it.
      if ((type === "break" || type === "continue") && tryLoc <= (arg as number) && (arg as number) <= finallyLoc) break;
      this._setPending(i, { type, arg });
      this._next = finallyLoc;
      return CONTINUE;
    }
    return this._complete(type, arg, null);
  }

  _complete(type: "normal" | PendingCompletion["type"], arg: unknown, afterLoc: number | null): unknown {
    if (type === "throw") throw arg;
    if (type === "break" || type === "continue") {
      this._next = arg as number;
    } else if (type === "return") {
      this._rval = arg;
      this._next = this._finalLoc;
    } else if (afterLoc !== null) {
      this._next = afterLoc;
    }
    return CONTINUE;
  }

  /** The end of a finally block: resume whatever completion was pending. */
  _finish(finallyLoc: number): unknown {
    const tryLocs = this._tryLocs;
    for (let i = tryLocs.length - 1; i >= 0; i--) {
      const entry = tryLocs[i]!;
      if (entry[2] !== finallyLoc) continue;
      const pending = this._pending === null ? null : this._pending[i]!;
      if (pending === null) return this._complete("normal", undefined, entry[3]);
      this._pending![i] = null;
      if (pending.type === "throw") throw pending.arg;
      // A return, break or continue goes on through any enclosing finally
      // blocks: `_prev` is inside this one now, so the search starts outside it.
      return this._abrupt(pending.type, pending.arg);
    }
    throw new Error(`internal: no try statement has its finally block at location ${finallyLoc}`);
  }

  /** The start of a catch block: take the exception that brought us here. */
  _catch(tryLoc: number): unknown {
    const tryLocs = this._tryLocs;
    for (let i = tryLocs.length - 1; i >= 0; i--) {
      if (tryLocs[i]![0] !== tryLoc) continue;
      const pending = this._pending === null ? null : this._pending[i]!;
      if (pending !== null && pending.type === "throw") {
        this._pending![i] = null;
        return pending.arg;
      }
      break;
    }
    throw new Error(`internal: no exception is pending for the catch at location ${tryLoc}`);
  }

  /** The end of the body. */
  _stop(): unknown {
    this._status = DONE;
    const value = this._rval;
    this._rval = undefined;
    return value;
  }

  /** `yield* iterable`: continue at `nextLoc` once the delegate is done. */
  _delegateYield(iterable: unknown, resultTemp: string, nextLoc: number): unknown {
    this._delegate = iterate(iterable);
    this._delegateTemp = resultTemp;
    this._next = nextLoc;
    if (this._method === NEXT) this._arg = undefined;
    return CONTINUE;
  }
}

// Frames are generators to reflection: they inherit from %GeneratorPrototype%
// (and so from %IteratorPrototype%, with its helpers where the engine has
// them), and their own next/throw/return shadow the native ones.
Object.setPrototypeOf(Frame.prototype, GeneratorPrototype);

/**
 * Whether next/throw/return may run on `value`: a frame of any compiled
 * class. The frame's own fields decide (a proxy of a generator, or an object
 * made with the generator as its prototype, has none of its own), as a
 * native generator's internal slots do; nothing of the program runs.
 */
function isGeneratorReceiver(value: unknown): value is Frame {
  return (
    typeof value === "object" &&
    value !== null &&
    !types.isProxy(value) &&
    Object.hasOwn(value, "_status") &&
    Object.prototype.isPrototypeOf.call(Frame.prototype, value)
  );
}

// A native generator keeps its state in the engine, so JSON.stringify and
// console.log show nothing of it; a frame's fields (`$total`, `_next`…) would
// show instead. They are the runtime's to save, not the program's to print
// (describe() shows them), so both show what they show for a native one.
// Non-enumerable, like the methods of a class.
Object.defineProperties(Frame.prototype, {
  toJSON: { value: () => ({}), writable: true, configurable: true },
  [Symbol.for("nodejs.util.inspect.custom")]: { value: () => "Object [Generator] {}", writable: true, configurable: true },
});

/**
 * Makes a compiled generator function look like one (`fn instanceof
 * GeneratorFunction`, `fn.prototype`), and lets a snapshot hold it by its id.
 */
export function markGeneratorFunction<F extends Function>(fn: F, frameClass: FrameClass, inferredName?: string): F {
  return markCompiledFunction(fn, frameClass, GeneratorFunctionPrototype, inferredName);
}

/** What markGeneratorFunction and markAsyncGeneratorFunction do, with the function prototype of their kind. */
export function markCompiledFunction<F extends Function>(
  fn: F,
  frameClass: FrameClass,
  functionPrototype: object,
  inferredName?: string,
): F {
  noteGeneratorFunction(fn, frameClass);
  Object.setPrototypeOf(fn, functionPrototype);
  if (inferredName !== undefined && fn.name === "") Object.defineProperty(fn, "name", { value: inferredName, configurable: true });
  Object.defineProperty(fn, "prototype", { value: frameClass.prototype, writable: true, enumerable: false, configurable: false });
  return fn;
}
