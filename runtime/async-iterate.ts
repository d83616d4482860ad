/**
 * `for await` in a resumable async generator: the compiler lowers the loop
 * to explicit steps (babel-plugin/lower.ts) that call these helpers and
 * await their results in the body, so every await stays in the compiled
 * state machine.
 *
 * A source without Symbol.asyncIterator is iterated through an
 * `AsyncFromSyncIterator` around its sync iterator (the spec's
 * CreateAsyncFromSyncIterator): it awaits each value. It wraps the
 * iterator `iterate()` gives, so over an array, a string, a Map, a Set or a
 * resumable generator the loop keeps a cursor a snapshot can save.
 */
import { callIteratorMethod, isObject, iteratorOf, notAnIteratorResult, spelledAsV8Does, throwMethodMissing } from "./iterate.js";
import { promiseReject, promiseResolve, promiseThen } from "./native-promise.js";
import { keepHiddenClassAlive } from "./keep-hidden-class.js";

/** What callAsyncReturn gives when the iterator has no `return` method. */
export const NO_RETURN: object = Object.freeze(Object.create(null) as object);

/**
 * The spec's AsyncFromSyncIteratorContinuation: a promise of `{ value, done }`
 * once the value is awaited. `closeOnRejection`: a rejected value of a step
 * that is not the last closes the sync iterator (ES2025).
 */
function continuation(result: unknown, iterator: Iterator<unknown>, closeOnRejection: boolean): Promise<IteratorResult<unknown>> {
  let done: boolean;
  let value: unknown;
  let wrapper: Promise<unknown>;
  try {
    done = Boolean((result as IteratorResult<unknown>).done);
    value = (result as IteratorResult<unknown>).value;
  } catch (error) {
    return promiseReject(error);
  }
  try {
    wrapper = promiseResolve(value);
  } catch (error) {
    if (!done && closeOnRejection) closeAfterThrow(iterator);
    return promiseReject(error);
  }
  const onRejected =
    done || !closeOnRejection
      ? undefined
      : (error: unknown) => {
          closeAfterThrow(iterator);
          throw error;
        };
  return promiseThen.call(wrapper, (settled: unknown) => ({ value: settled, done }), onRejected) as Promise<IteratorResult<unknown>>;
}

/**
 * IteratorClose for a throw completion: `return` is called if there is one,
 * and the original error stands whatever it does (throws, or returns a
 * non-object).
 */
function closeAfterThrow(iterator: Iterator<unknown>): void {
  try {
    const method = iterator.return;
    if (method !== undefined && method !== null) callIteratorMethod(method, iterator);
  } catch {
    // The error being thrown wins.
  }
}

/** IteratorClose for a normal completion: call `return` if there is one, and check its result. */
function closeSync(iterator: Iterator<unknown>): void {
  const method = iterator.return;
  if (method === undefined || method === null) return;
  const result = callIteratorMethod(method, iterator);
  if (!isObject(result)) throw notAnIteratorResult(result);
}

/** %AsyncFromSyncIteratorPrototype%: a sync iterator seen as an async one. */
export class AsyncFromSyncIterator implements AsyncIterator<unknown> {
  constructor(public iterator: Iterator<unknown>) {}

  next(...args: unknown[]): Promise<IteratorResult<unknown>> {
    let result: unknown;
    try {
      result = args.length > 0 ? this.iterator.next(args[0]) : this.iterator.next();
      if (!isObject(result)) throw notAnIteratorResult(result);
    } catch (error) {
      return promiseReject(error);
    }
    return continuation(result, this.iterator, true);
  }

  return(...args: unknown[]): Promise<IteratorResult<unknown>> {
    let result: unknown;
    try {
      const method = this.iterator.return;
      if (method === undefined || method === null)
        return promiseResolve({ value: args[0], done: true }) as Promise<IteratorResult<unknown>>;
      result = args.length > 0 ? callIteratorMethod(method, this.iterator, args[0]) : callIteratorMethod(method, this.iterator);
      if (!isObject(result)) throw notAnIteratorResult(result);
    } catch (error) {
      return promiseReject(error);
    }
    return continuation(result, this.iterator, false);
  }

  throw(...args: unknown[]): Promise<IteratorResult<unknown>> {
    let result: unknown;
    try {
      const method = this.iterator.throw;
      if (method === undefined || method === null) {
        // The spec closes the sync iterator, then reports the protocol violation.
        closeSync(this.iterator);
        throw throwMethodMissing();
      }
      result = args.length > 0 ? callIteratorMethod(method, this.iterator, args[0]) : callIteratorMethod(method, this.iterator);
      if (!isObject(result)) throw notAnIteratorResult(result);
    } catch (error) {
      return promiseReject(error);
    }
    return continuation(result, this.iterator, true);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
keepHiddenClassAlive(new AsyncFromSyncIterator(null as unknown as Iterator<unknown>));

/**
 * GetIterator(value, async): its Symbol.asyncIterator, else its sync
 * iterator wrapped. `notAsyncIterable`: the message when it has neither, as
 * V8 words it for a `for await`'s expression (the plugin writes it);
 * without it, what a native async `yield*` says.
 */
export function asyncIterate(value: unknown, notAsyncIterable?: string): AsyncIterator<unknown> {
  // V8 reads Symbol.asyncIterator as a property, and words its failure so.
  if (value === null || value === undefined) {
    throw new TypeError(`Cannot read properties of ${String(value)} (reading 'Symbol(Symbol.asyncIterator)')`);
  }
  const method = (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator];
  if (method !== undefined && method !== null) {
    if (typeof method !== "function") throw new TypeError(notAsyncIterable ?? `${spelledAsV8Does(method)} is not a function`);
    const iterator = Reflect.apply(method, value, []) as unknown;
    if (!isObject(iterator)) throw new TypeError("Result of the Symbol.asyncIterator method is not an object");
    return iterator as AsyncIterator<unknown>;
  }
  // Without one, the sync method, called even when it is null ("object null is not a function").
  const syncMethod = (value as { [Symbol.iterator]?: unknown })[Symbol.iterator];
  const iterator = iteratorOf(value, syncMethod);
  if (iterator === undefined) throw new TypeError(notAsyncIterable ?? `${spelledAsV8Does(syncMethod)} is not a function`);
  return new AsyncFromSyncIterator(iterator);
}

/**
 * The first half of AsyncIteratorClose: calls the iterator's `return` and
 * gives its result for the body to await, or NO_RETURN when there is none.
 */
export function callAsyncReturn(iterator: AsyncIterator<unknown>): unknown {
  const method = iterator.return;
  if (method === undefined || method === null) return NO_RETURN;
  return callIteratorMethod(method, iterator);
}
