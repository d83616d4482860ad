/**
 * The drivers of the differential suite, shared by the vitest files (which load
 * this file through Node's own loader, see load.ts) and by child-restore.mjs
 * (a plain `node` process). Plain JavaScript so that both can run it as is.
 *
 * A trace is an array of JSON-safe entries:
 *   { step: "create", log }                      create() returned
 *   { step: "create", threw, log }               create() threw (the trace ends there)
 *   { call, arg, result: { value, done }, log }  gen[call](arg) returned
 *   { call, arg, threw, log }                    gen[call](arg) threw
 *   { capped: true }                             the driver gave up after CALL_CAP calls
 * `log` is the part of the program's `log` array that the step appended (a
 * delta, not the whole array: the same information for an append-only log,
 * without quadratic traces on long loops, and it is what lets a trace be
 * continued in another process whose log starts empty).
 */

/** The most calls one driver makes on one generator. */
export const CALL_CAP = 2000;

/**
 * Errors the engine raises on its own (not a failed driver call, a re-entered
 * generator, an iterator without `throw`, a TDZ read...). Their messages are
 * compared too (the runtime words its own as V8 does), except in a program
 * that exports `engineMessagesDiffer`: the reason, a difference the README
 * lists. There only the constructor is compared for these.
 */
const ENGINE_ERRORS = new Set(["TypeError", "ReferenceError", "RangeError", "SyntaxError"]);

const MAX_DEPTH = 24;

/** The value passed to the `i`-th call (0-based) when it is a next(): `sends[i]`, else i * 10. */
export function sendFor(mod, i) {
  const sends = mod.sends;
  return Array.isArray(sends) && i < sends.length ? sends[i] : i * 10;
}

function constructorName(value) {
  try {
    const ctor = value.constructor;
    return typeof ctor === "function" && typeof ctor.name === "string" ? ctor.name : "?";
  } catch {
    return "?";
  }
}

/** A readable, JSON-safe description of an error (or of any thrown value). */
export function describeError(error, engineMessages = true) {
  if (!(error instanceof Error)) return describeValue(error);
  const ctor = constructorName(error);
  if (ENGINE_ERRORS.has(ctor) && !engineMessages) return { $: "error", ctor };
  const description = { $: "error", ctor, message: String(error.message) };
  const extra = Object.keys(error).filter((key) => key !== "message");
  if (extra.length > 0) description.props = extra.map((key) => [key, describeValue(error[key])]);
  return description;
}

/**
 * A JSON-safe description of a value: primitives as themselves (tagged when
 * JSON cannot hold them), functions by name, symbols by description, errors by
 * constructor and message, containers element by element in their own order.
 * Cycles are cut at the repeated ancestor.
 */
export function describeValue(value, ancestors = new Set(), depth = 0) {
  switch (typeof value) {
    case "undefined":
      return { $: "undefined" };
    case "number":
      if (Number.isNaN(value)) return { $: "NaN" };
      if (Object.is(value, -0)) return { $: "-0" };
      if (!Number.isFinite(value)) return { $: String(value) };
      return value;
    case "bigint":
      return { $: "bigint", value: String(value) };
    case "string":
    case "boolean":
      return value;
    case "symbol":
      return { $: "symbol", description: value.description ?? null };
    case "function": {
      let name;
      try {
        name = value.name;
      } catch {
        name = "?";
      }
      return { $: "function", name: typeof name === "string" ? name : describeValue(name) };
    }
  }
  if (value === null) return null;
  if (ancestors.has(value)) return { $: "cycle" };
  if (depth > MAX_DEPTH) return { $: "too-deep" };
  ancestors.add(value);
  try {
    return describeObject(value, ancestors, depth + 1);
  } finally {
    ancestors.delete(value);
  }
}

function describeObject(object, ancestors, depth) {
  const inner = (v) => describeValue(v, ancestors, depth);
  if (object instanceof Error) return describeError(object);
  const tag = Object.prototype.toString.call(object);
  if (tag === "[object Generator]") return { $: "Generator" };
  if (Array.isArray(object)) {
    const items = [];
    for (let i = 0; i < object.length; i++) items.push(i in object ? inner(object[i]) : { $: "hole" });
    return items;
  }
  if (tag === "[object Arguments]") return { $: "Arguments", items: Array.from(object, inner) };
  if (object instanceof Map) return { $: "Map", entries: [...object].map(([k, v]) => [inner(k), inner(v)]) };
  if (object instanceof Set) return { $: "Set", values: [...object].map(inner) };
  if (object instanceof Date) return { $: "Date", time: inner(object.getTime()) };
  if (object instanceof RegExp) return { $: "RegExp", source: String(object), lastIndex: object.lastIndex };
  if (ArrayBuffer.isView(object) && !(object instanceof DataView)) {
    return { $: constructorName(object), items: Array.from(object, inner) };
  }
  const proto = Object.getPrototypeOf(object);
  const kind = proto === null ? "null-prototype" : proto === Object.prototype ? "Object" : constructorName(object);
  const entries = Object.keys(object).map((key) => [key, inner(object[key])]);
  return kind === "Object" ? { $: "object", entries } : { $: "object", kind, entries };
}

/** The outcome of a call that returned: value and done, plus any other own key (yield* passes results through). */
export function describeResult(result) {
  if (result === null || typeof result !== "object") return { notAnObject: describeValue(result) };
  const described = { value: describeValue(result.value), done: describeValue(result.done) };
  const extra = Object.keys(result).filter((key) => key !== "value" && key !== "done");
  if (extra.length > 0) described.extra = extra.map((key) => [key, describeValue(result[key])]);
  return described;
}

/** True when a trace entry leaves the generator finished (it returned done, or it threw). */
export function endsRun(entry) {
  return "threw" in entry || entry.result?.done === true || entry.capped === true;
}

/**
 * One generator being driven, and the trace of what it did. Several sessions
 * may share one program (a fork and its original): each keeps its own place
 * in the shared log, and `resync()` skips what the others appended.
 */
export class Session {
  constructor(mod) {
    this.mod = mod;
    this.log = mod.log;
    this.seen = this.log.length;
    this.trace = [];
    this.gen = undefined;
    /** Calls made so far: the index of the next call, which picks its send. */
    this.calls = 0;
    this.finished = false;
  }

  /** A session over a fresh run of the program: empties its log, then calls create(). */
  static start(mod) {
    mod.log.length = 0;
    const session = new this(mod);
    session.create();
    return session;
  }

  /** A session that continues `gen`, already driven through `calls` calls elsewhere. */
  static adopt(mod, gen, calls) {
    const session = new this(mod);
    session.gen = gen;
    session.calls = calls;
    return session;
  }

  /** What a call threw, with the message of an engine error unless the program says its messages differ. */
  describeThrown(error) {
    return describeError(error, this.mod.engineMessagesDiffer === undefined);
  }

  resync() {
    this.seen = this.log.length;
  }

  takeLog() {
    if (this.log.length < this.seen) {
      this.seen = this.log.length;
      return { $: "log-shrank" };
    }
    const delta = this.log.slice(this.seen);
    this.seen = this.log.length;
    return describeValue(delta);
  }

  create() {
    try {
      this.gen = this.mod.create(this.mod);
      this.trace.push({ step: "create", log: this.takeLog() });
    } catch (error) {
      this.trace.push({ step: "create", threw: this.describeThrown(error), log: this.takeLog() });
      this.finished = true;
    }
    return !this.finished;
  }

  /** gen[kind](arg), recorded. */
  call(kind, arg) {
    const entry = { call: kind, arg: describeValue(arg) };
    this.calls++;
    try {
      entry.result = describeResult(this.gen[kind](arg));
    } catch (error) {
      entry.threw = this.describeThrown(error);
    }
    entry.log = this.takeLog();
    this.trace.push(entry);
    if (endsRun(entry)) this.finished = true;
    return entry;
  }

  next() {
    return this.call("next", sendFor(this.mod, this.calls));
  }

  /**
   * next() until the generator is finished, then one more next() to see that
   * it stays finished. Gives up (and records it) after CALL_CAP calls.
   */
  drain() {
    if (this.trace[0]?.threw) return this;
    while (!this.finished) {
      if (this.calls >= CALL_CAP) {
        this.trace.push({ capped: true });
        return this;
      }
      this.next();
    }
    this.next();
    return this;
  }
}

/** Driver 1: next() (with the program's sends) to completion. */
export function driveAllNext(mod) {
  return Session.start(mod).drain().trace;
}

/** Driver 2: k next() calls, then throw(new Error("injected")) or return("early"), then next() to completion. */
export function driveInjected(mod, k, kind) {
  const session = Session.start(mod);
  if (session.finished) return session.trace;
  for (let i = 0; i < k; i++) session.next();
  session.call(kind, kind === "throw" ? new Error("injected") : "early");
  return session.drain().trace;
}

/**
 * Driver 3: a given sequence of calls, then next() to completion. An op is
 * { kind: "next", send: true } (use the program's send), { kind: "next", value },
 * { kind: "throw", error: true } (a fresh Error), { kind: "throw", value } or
 * { kind: "return", value }.
 */
export function driveOps(mod, ops) {
  const session = Session.start(mod);
  if (session.finished) return session.trace;
  ops.forEach((op, index) => {
    if (op.kind === "next") {
      session.call("next", op.send ? sendFor(mod, session.calls) : op.value);
    } else if (op.kind === "throw") {
      session.call("throw", op.error ? new Error(`random-${index}`) : op.value);
    } else {
      session.call("return", op.value);
    }
  });
  return session.drain().trace;
}

/** How many times the all-next trace suspended at a yield: suspension points are 0..that. */
export function suspensionCount(trace) {
  return trace.filter((entry) => entry.result?.done === false).length;
}

/**
 * The suspension points a quadratic driver visits: all of 0..count when there
 * are at most `limit`, else the first 25, every step-th one and the last 10
 * (the long loops repeat one code point, so a sample sees them all).
 */
export function pointsToVisit(count, limit = 100) {
  const all = Array.from({ length: count + 1 }, (_, k) => k);
  if (count <= limit) return all;
  const step = Math.ceil(count / 40);
  return all.filter((k) => k < 25 || k % step === 0 || k > count - 10);
}
