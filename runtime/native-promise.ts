/**
 * The engine's own Promise, its `resolve`, `reject` and `then`, captured when
 * the runtime loads: the async driver and the async-from-sync iterator use
 * them as the spec's operations use the intrinsics, whatever a program later
 * does to the globals.
 */
export const NativePromise = Promise;
export const promiseResolve = Promise.resolve.bind(Promise) as (value: unknown) => Promise<unknown>;
export const promiseReject = Promise.reject.bind(Promise) as (reason: unknown) => Promise<never>;
export const promiseThen = Promise.prototype.then;
