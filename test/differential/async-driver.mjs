/**
 * The drivers of the async differential suite (async generators), shared by
 * the vitest files and by child-restore.mjs --async, as driver.mjs is for sync
 * generators; values, errors and results are described by driver.mjs.
 *
 * A trace is an array of JSON-safe entries, in the order things happened:
 *   { step: "create", log } / { step: "create", threw, log }
 *   { call, n, arg, sync }           gen[call](arg) returned (n: the call's number; sync: the log
 *                                    appended while the call ran, before it returned)
 *   { call, n, arg, threwSync, log } gen[call](arg) threw instead of returning a promise
 *   { settled: n, result | threw, log }   the promise of call n settled (log: appended since the last entry)
 *   { hung: n }                      the promise of call n did not settle within HANG_MS
 *   { capped: true }
 * A `ticker` (the concurrent driver) appends "tick N" to the log on every
 * microtask turn while calls are in flight, so the traces also compare how
 * many turns each step takes.
 */
import { CALL_CAP, describeResult, describeValue, sendFor, Session } from "./driver.mjs";

/** Longer than any program takes (they only chain promises), far below the sandbox's deadline. */
const HANG_MS = 3000;

function settles(promise) {
  return typeof promise === "object" && promise !== null && typeof promise.then === "function";
}

/**
 * A Session (driver.mjs) over an async generator: the same log bookkeeping,
 * start(), adopt() and create(); the calls are requests whose outcomes are
 * awaited.
 */
export class AsyncSession extends Session {
  /** Starts gen[kind](arg) and returns a promise that fulfills (never rejects) once its outcome is in the trace. */
  request(kind, arg) {
    const n = this.calls++;
    const entry = { call: kind, n, arg: describeValue(arg) };
    let promise;
    try {
      promise = this.gen[kind](arg);
    } catch (error) {
      entry.threwSync = this.describeThrown(error);
      entry.log = this.takeLog();
      this.trace.push(entry);
      this.finished = true;
      return Promise.resolve();
    }
    entry.sync = this.takeLog();
    this.trace.push(entry);
    if (!settles(promise)) {
      this.trace.push({ settled: n, notAPromise: describeValue(promise), log: this.takeLog() });
      this.finished = true;
      return Promise.resolve();
    }
    let timer;
    const hang = new Promise((resolve) => {
      timer = setTimeout(() => resolve("hung"), HANG_MS);
    });
    const outcome = Promise.resolve(promise).then(
      (result) => {
        const settled = { settled: n, result: describeResult(result), log: this.takeLog() };
        this.trace.push(settled);
        if (settled.result.done === true) this.finished = true;
      },
      (error) => {
        this.trace.push({ settled: n, threw: this.describeThrown(error), log: this.takeLog() });
        this.finished = true;
      },
    );
    return Promise.race([outcome, hang]).then((how) => {
      clearTimeout(timer);
      if (how === "hung") {
        this.trace.push({ hung: n });
        this.finished = true;
        this.hung = true;
      }
    });
  }

  next() {
    return this.request("next", sendFor(this.mod, this.calls));
  }

  /** next() (awaited) until finished, then one more. */
  async drain() {
    if (this.trace[0]?.threw) return this;
    while (!this.finished) {
      if (this.calls >= CALL_CAP) {
        this.trace.push({ capped: true });
        return this;
      }
      await this.next();
    }
    if (!this.hung) await this.next();
    return this;
  }
}

/** Appends "tick N" to the log on each microtask turn until stopped. */
function startTicker(log) {
  let running = true;
  let n = 0;
  const turn = () => {
    if (!running || n >= 20000) return;
    log.push(`tick ${n++}`);
    Promise.resolve().then(turn);
  };
  Promise.resolve().then(turn);
  return () => {
    running = false;
  };
}

/** Driver 1: next() (awaited, with the program's sends) to completion. */
export async function driveAllNext(mod) {
  return (await AsyncSession.start(mod).drain()).trace;
}

/** The generator after k awaited next() calls. */
export async function advanced(mod, k) {
  const session = AsyncSession.start(mod);
  for (let i = 0; i < k && !session.finished; i++) await session.next();
  return session;
}

/** Driver 2: k next() calls, then throw(new Error("injected")) or return("early"), then next() to completion. */
export async function driveInjected(mod, k, kind) {
  const session = await advanced(mod, k);
  if (session.trace[0]?.threw) return session.trace;
  await session.request(kind, kind === "throw" ? new Error("injected") : "early");
  session.finished = false; // a settled throw() ends nothing by itself: drain shows whether the generator goes on
  return (await session.drain()).trace;
}

/** The request patterns the concurrent driver fires at once, without awaiting between them. */
export const CONCURRENT_PATTERNS = {
  "next next": ["next", "next"],
  "next next next": ["next", "next", "next"],
  "next return next": ["next", "return", "next"],
  "next throw next": ["next", "throw", "next"],
  "return next": ["return", "next"],
  "throw next": ["throw", "next"],
  "return return": ["return", "return"],
};

/**
 * Driver 3: k awaited next() calls, then the pattern's calls all at once (a
 * ticker counting microtask turns meanwhile), then next() to completion.
 */
export async function driveConcurrent(mod, k, pattern) {
  const session = await advanced(mod, k);
  if (session.trace[0]?.threw) return session.trace;
  const stop = startTicker(session.log);
  const pending = CONCURRENT_PATTERNS[pattern].map((kind, i) => {
    if (kind === "next") return session.next();
    if (kind === "throw") return session.request("throw", new Error(`concurrent-${i}`));
    return session.request("return", `concurrent-${i}`);
  });
  await Promise.all(pending);
  stop();
  session.takeLog(); // the ticks after the last settlement depend on nothing the generator does
  session.finished = false;
  return (await session.drain()).trace;
}

/** Driver 4: every call at once: `count` next() calls without awaiting any, with the ticker. */
export async function driveAllAtOnce(mod, count) {
  const session = AsyncSession.start(mod);
  if (session.trace[0]?.threw) return session.trace;
  const stop = startTicker(session.log);
  const pending = [];
  for (let i = 0; i < count; i++) pending.push(session.next());
  await Promise.all(pending);
  stop();
  return session.trace;
}

/**
 * Driver 5: a given sequence of requests, each either awaited before the next
 * one is made or left in flight, with the ticker; then everything awaited and
 * next() to completion. An op is { kind: "next" | "throw" | "return", value?, wait }.
 */
export async function driveOps(mod, ops) {
  const session = AsyncSession.start(mod);
  if (session.trace[0]?.threw) return session.trace;
  const stop = startTicker(session.log);
  const pending = [];
  for (const [index, op] of ops.entries()) {
    const arg = op.kind === "next" ? sendFor(mod, session.calls) : op.kind === "throw" ? new Error(`random-${index}`) : op.value;
    const request = session.request(op.kind, arg);
    pending.push(request);
    if (op.wait) await request;
  }
  await Promise.all(pending);
  stop();
  session.takeLog();
  session.finished = false;
  return (await session.drain()).trace;
}

/** How many times the all-next trace suspended at a yield. */
export function suspensionCount(trace) {
  return trace.filter((entry) => entry.result?.done === false).length;
}
