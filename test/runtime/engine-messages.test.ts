/**
 * Engine TypeErrors name the failing expression in source terms ("f is not a
 * function"), as native ones do, whether the body's own catch sees them or
 * they escape to the caller; compiled code's field names (`_frame.$f`) do
 * not leak into messages (runtime/engine-messages.ts). A `for…of` with a
 * yield in it, and a `yield*`, throw the runtime's own "is not iterable",
 * worded as V8 words it (the plugin prints the loop's expression for it).
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { importCompiled, projectRoot } from "../support/compile.js";

const SOURCE = `
export function* caught(obj, list) {
  let f = 1;
  const callF = () => f();
  try { f(); } catch (e) { yield e.message; }
  try { obj.method(); } catch (e) { yield e.message; }
  try { f.call(); } catch (e) { yield e.message; }
  try { new f(); } catch (e) { yield e.message; }
  try { this.nope(); } catch (e) { yield e.message; }
  try { arguments[5](); } catch (e) { yield e.message; }
  for (let i = 0; i < 2; i++) {
    let g = i;
    list.push(() => g);
    try { g(); } catch (e) { yield e.message; }
  }
  try { callF(); } catch (e) { yield e.message; }
  try { obj.helper(f); } catch (e) { yield e.message; }
}

export function* caughtWithoutYield(obj) {
  let f = 1;
  const out = [];
  try { f(); } catch (e) { out.push(e.message); }
  try { obj.method(); } catch ({ message }) { out.push(message); }
  try { new f(); } catch (e) { out.push(e.message); }
  const inClosure = () => { try { f(); } catch (e) { return e.message; } };
  out.push(inClosure());
  for (let i = 0; i < 2; i++) {
    let g = i;
    try { g(); } catch (e) { out.push(e.message); }
  }
  yield out.join(" | ");
}

export function* notIterable(values, o) {
  for (const v of values) {
    try { for (const x of v) yield x; } catch (e) { yield "for…of: " + e.message; }
    try { yield* v; } catch (e) { yield "yield*: " + e.message; }
  }
  try { for (const x of o.a.b) yield x; } catch (e) { yield e.message; }
  try { for (const x of o["a"]) yield x; } catch (e) { yield e.message; }
  try { for (const x of o.list[0]) yield x; } catch (e) { yield e.message; }
  try { for (const x of o[key]) yield x; } catch (e) { yield e.message; }
  try { for (const x of o.f()) yield x; } catch (e) { yield e.message; }
  try { for (const x of new o.F()) yield x; } catch (e) { yield e.message; }
  try { for (const x of this.missing) yield x; } catch (e) { yield e.message; }
  try { for (const x of o?.a) yield x; } catch (e) { yield e.message; }
}
const key = "a";

export async function* asyncNotIterable(values) {
  for (const v of values) {
    try { for await (const x of v) yield x; } catch (e) { yield "for await: " + e.message; }
    try { yield* v; } catch (e) { yield "yield*: " + e.message; }
  }
  const o = { f: () => 5, list: 5 };
  try { for await (const x of o.f()) yield x; } catch (e) { yield e.message; }
  try { for await (const x of o.list) yield x; } catch (e) { yield e.message; }
  try { for await (const x of new Number(5)) yield x; } catch (e) { yield e.message; }
}

export function* yieldingArguments(obj) {
  let f = 1;
  try { f(yield 1); } catch (e) { yield e.message; }
  try { obj.missing(yield 2); } catch (e) { yield e.message; }
  try { new f(yield 3); } catch (e) { yield e.message; }
  try { this.missing(yield 4); } catch (e) { yield e.message; }
  yield obj.m(yield 5);
}

// A spread before a yield in a call's arguments is copied before the yield (spreadToArray).
export function* spreadNotIterable(v) {
  const f = (...a) => a;
  try { f(...v, yield 1); } catch (e) { yield e.message; }
}

// The value of a yield used at once: V8 calls it an intermediate value, as it calls regenerator's temporaries.
export function* sentValues() {
  try { (yield 1).trim(); } catch (e) { yield e.message; }
  try { (yield 2)(); } catch (e) { yield e.message; }
  try { new (yield 3)(); } catch (e) { yield e.message; }
  try { (yield 4).q(yield 5); } catch (e) { yield e.message; }
  try { for (const x of (yield 6)) yield x; } catch (e) { yield e.message; }
  try { for (const x of (yield 7).list) yield x; } catch (e) { yield e.message; }
}

// Spreads in a list with a yield in it: V8 prints the operand of one in an array literal, and of the
// one spread of an argument list when it comes last; any other spread in arguments, it names by value.
export function* spreadOperands(v) {
  try { [...(yield 1)]; } catch (e) { yield e.message; }
  try { [...((yield 2) ?? v)]; } catch (e) { yield e.message; }
  try { [...(typeof (yield 3) === "x")]; } catch (e) { yield e.message; }
  try { [...(-(yield 4))]; } catch (e) { yield e.message; }
  try { [1, ...v, yield 5]; } catch (e) { yield e.message; }
  try { Math.max(yield 6, ...v); } catch (e) { yield e.message; }
  try { new Array(yield 7, ...v); } catch (e) { yield e.message; }
  try { Math.max(...v, yield 8); } catch (e) { yield e.message; }
}

// Object destructuring of null or undefined, lowered or written to frame fields: V8's wording, which
// depends on the pattern's first property (a plain key is named; a computed key, a rest or none is not).
const box = { empty: undefined, nested: { none: null } };
export function* destructuring() {
  try { const { a } = yield 1; } catch (e) { yield e.message; }
  try { const { a, b = yield 2 } = box.empty; } catch (e) { yield e.message; }
  try { const {} = yield 3; } catch (e) { yield e.message; }
  try { let a; ({ a } = yield 4); } catch (e) { yield e.message; }
  try { const { ["k" + 1]: a } = yield 5; } catch (e) { yield e.message; }
  try { const { ...rest } = yield 6; } catch (e) { yield e.message; }
  try { const { a = 1 } = yield 7; } catch (e) { yield e.message; }
  try { const v = yield 8; const { "x y": a } = v; } catch (e) { yield e.message; }
  try { const { a } = box.nested.none, b = yield 9; } catch (e) { yield e.message; }
  try { for (const { a } of [yield 10]) yield a; } catch (e) { yield e.message; }
  try { try { throw yield 11; } catch ({ message }) { yield message; } } catch (e) { yield e.message; }
  try { try { throw yield 12; } catch ({ message }) { box.seen = message; } } catch (e) { yield e.message; }
}

export async function* asyncDestructuring(items) {
  try { for await (const { a } of items) yield a; } catch (e) { yield e.message; }
}

// Array destructuring of something not iterable, lowered (a yield in the statement): V8 prints a
// declaration's name or yield, and names the value of anything else.
export function* arrayDestructuring() {
  try { const [a] = yield 1; } catch (e) { yield e.message; }
  try { const v = yield 2; const [a, b = yield 3] = v; } catch (e) { yield e.message; }
  try { const [a, ...rest] = yield 4; } catch (e) { yield e.message; }
  try { let a; [a] = yield 5; } catch (e) { yield e.message; }
  try { const [[a]] = [yield 6]; } catch (e) { yield e.message; }
}

// A loop over a call of something not callable fails with the loop's message, not the call's.
const notCallable = { m: 5 };
export function* loopOverCalls(f) {
  try { for (const x of f(1, yield 1)) yield x; } catch (e) { yield e.message; }
  try { for (const x of notCallable.m()) yield x; } catch (e) { yield e.message; }
  try { for (const x of notCallable.m(f, 2)) yield x; } catch (e) { yield e.message; }
  try { for (const x of notCallable["m"]()) yield x; } catch (e) { yield e.message; }
}
export async function* asyncLoopOverCalls(f) {
  try { for await (const x of f()) yield x; } catch (e) { yield e.message; }
  try { for await (const x of notCallable.m()) yield x; } catch (e) { yield e.message; }
}

// throw() reaches a delegate without a throw method: yield* closes it, then throws V8's TypeError.
export function* delegating(it) {
  try { yield* it; } catch (e) { yield e.message; }
}
export async function* asyncDelegating(it) {
  try { yield* it; } catch (e) { yield e.message; }
}

// The lowering of an optional call keeps its callee in a local of its own across the yield.
export function* optionalCallees(f) {
  try { f?.(yield 1); } catch (e) { yield e.message; }
  try { (yield 2)?.(); } catch (e) { yield e.message; }
}

export function* escaping(obj) {
  yield 1;
  obj.missing();
}
`;

type Caught = (this: unknown, obj: unknown, list: unknown[]) => Generator<unknown, unknown, unknown>;
type CaughtWithoutYield = (obj: unknown) => Generator<unknown, unknown, unknown>;
type Escaping = (obj: unknown) => Generator<unknown, unknown, unknown>;
type AsyncNotIterable = (values: unknown[]) => AsyncGenerator<unknown, unknown, unknown>;
type OptionalCallees = (f: unknown) => Generator<unknown, unknown, unknown>;
type SpreadNotIterable = (v: unknown) => Generator<unknown, unknown, unknown>;
type SentValues = () => Generator<unknown, unknown, unknown>;
type Destructuring = () => Generator<unknown, unknown, unknown>;
type ArrayDestructuring = () => Generator<unknown, unknown, unknown>;
type LoopOverCalls = (f: unknown) => Generator<unknown, unknown, unknown>;
type AsyncLoopOverCalls = (f: unknown) => AsyncGenerator<unknown, unknown, unknown>;
type AsyncDestructuring = (items: unknown[]) => AsyncGenerator<unknown, unknown, unknown>;
type Delegating = (it: unknown) => Generator<unknown, unknown, unknown>;
type AsyncDelegating = (it: unknown) => AsyncGenerator<unknown, unknown, unknown>;
type SpreadOperands = (v: unknown) => Generator<unknown, unknown, unknown>;
type NotIterable = (this: unknown, values: unknown[], o: unknown) => Generator<unknown, unknown, unknown>;
type YieldingArguments = (this: unknown, obj: unknown) => Generator<unknown, unknown, unknown>;
interface Module {
  caught: Caught;
  caughtWithoutYield: CaughtWithoutYield;
  escaping: Escaping;
  asyncNotIterable: AsyncNotIterable;
  optionalCallees: OptionalCallees;
  spreadNotIterable: SpreadNotIterable;
  sentValues: SentValues;
  destructuring: Destructuring;
  arrayDestructuring: ArrayDestructuring;
  loopOverCalls: LoopOverCalls;
  asyncLoopOverCalls: AsyncLoopOverCalls;
  asyncDestructuring: AsyncDestructuring;
  delegating: Delegating;
  asyncDelegating: AsyncDelegating;
  spreadOperands: SpreadOperands;
  notIterable: NotIterable;
  yieldingArguments: YieldingArguments;
}
let native: Module;
let compiled: Module;

beforeAll(async () => {
  native = await import(`data:text/javascript,${encodeURIComponent(SOURCE)}`);
  const annotated = SOURCE.replace(/export (async )?function\*/g, "/* @resumable */ $&");
  compiled = await importCompiled(annotated, join(projectRoot, "test", "engine-messages.js"));
});

/** Everything the generator yields, then how it ended. */
function run(gen: Generator<unknown, unknown, unknown>): string[] {
  const out: string[] = [];
  try {
    for (let step = gen.next(); !step.done; step = gen.next()) out.push(String(step.value));
    out.push("done");
  } catch (error) {
    out.push(`threw ${(error as Error).constructor.name}: ${(error as Error).message}`);
    out.push(`stack starts ${(error as Error).stack!.split("\n")[0]}`);
  }
  return out;
}

describe("engine messages", () => {
  it("name locals, this, arguments and per-iteration bindings as the source does, when the body catches them", () => {
    const helper = (value: unknown) => (value as () => void)();
    const messages = run(compiled.caught.call({}, { helper }, []));
    expect(messages).toEqual(run(native.caught.call({}, { helper }, [])));
    expect(messages.join("\n")).not.toContain("_frame");
  });

  it("name them so in a catch that yields nothing (kept native), in a closure's catch and in a catch pattern", () => {
    const messages = run(compiled.caughtWithoutYield({}));
    expect(messages).toEqual(run(native.caughtWithoutYield({})));
    expect(messages.join("\n")).not.toContain("_frame");
  });

  it("say what is not iterable as V8 says it, for a for…of with a yield in it and for a yield*", () => {
    const values = [
      1,
      1.5,
      undefined,
      null,
      {},
      true,
      Symbol("s"),
      10n,
      function named() {},
      { [Symbol.iterator]: 1 },
      { [Symbol.iterator]: () => 1 },
    ];
    const o = { a: { b: 1 }, list: [2], f: () => 3, F: function F() {} };
    const messages = run(compiled.notIterable.call({}, values, o));
    expect(messages).toEqual(run(native.notIterable.call({}, values, o)));
    expect(messages).toContain("o.f is not a function or its return value is not iterable");
  });

  it("name what a call whose arguments yield held across the yield, and call a method itself, not its `call`", () => {
    const make = () => {
      const m = (x: unknown) => `m(${String(x)})`;
      // regenerator's form, m.call(obj, …), would run this instead.
      m.call = () => "call replaced";
      return { m };
    };
    const messages = run(compiled.yieldingArguments.call({}, make()));
    expect(messages).toEqual(run(native.yieldingArguments.call({}, make())));
    expect(messages).toEqual([
      "1",
      "f is not a function",
      "2",
      "obj.missing is not a function",
      "3",
      "f is not a constructor",
      "4",
      "this.missing is not a function",
      "5",
      "m(undefined)",
      "done",
    ]);
  });

  it("say what is not async iterable as V8 says it, for a for await…of and for an async yield*", async () => {
    const values = () => [
      5,
      {},
      undefined,
      null,
      { [Symbol.asyncIterator]: 5 },
      { [Symbol.iterator]: 5 },
      { [Symbol.iterator]: null },
      "ab",
    ];
    const drain = async (gen: AsyncGenerator<unknown, unknown, unknown>) => {
      const out: unknown[] = [];
      for await (const value of gen) out.push(value);
      return out;
    };
    const messages = await drain(compiled.asyncNotIterable(values()));
    expect(messages).toEqual(await drain(native.asyncNotIterable(values())));
    expect(messages).toContain("for await: v is not async iterable");
    expect(messages).toContain("yield*: number 5 is not a function");
    expect(messages).toContain("o.f(...) is not a function or its return value is not async iterable");
  });

  it("say what a spread copied before a yield cannot iterate as V8 says it", () => {
    const messages = run(compiled.spreadNotIterable(5));
    expect(messages).toEqual(run(native.spreadNotIterable(5)));
    expect(messages).toEqual(["number 5 is not iterable (cannot read property Symbol(Symbol.iterator))", "done"]);
  });

  it("call the value of a yield used at once an intermediate value, as V8 does", () => {
    // Every yield is sent 5: no function, no constructor, nothing iterable, no `trim`.
    const drive = (gen: Generator<unknown, unknown, unknown>) => {
      const out: unknown[] = [];
      for (let step = gen.next(); !step.done; step = gen.next(5)) out.push(step.value);
      return out.filter((value) => typeof value === "string");
    };
    const messages = drive(compiled.sentValues());
    expect(messages).toEqual(drive(native.sentValues()));
    expect(messages).toEqual([
      "(intermediate value).trim is not a function",
      "(intermediate value) is not a function",
      "(intermediate value) is not a constructor",
      "(intermediate value).q is not a function",
      "(intermediate value) is not iterable",
      "(intermediate value).list is not iterable",
    ]);
  });

  it("print a spread's operand as V8 does, in an array literal and as the last argument", () => {
    // Every yield is sent null, and `v` is null, then 5.
    const drive = (gen: Generator<unknown, unknown, unknown>) => {
      const out: unknown[] = [];
      for (let step = gen.next(); !step.done; step = gen.next(null)) out.push(step.value);
      return out.filter((value) => typeof value === "string");
    };
    for (const v of [null, 5]) expect(drive(compiled.spreadOperands(v))).toEqual(drive(native.spreadOperands(v)));
    expect(drive(compiled.spreadOperands(null))).toEqual([
      "(intermediate value) is not iterable",
      "((intermediate value) ?? v) is not iterable",
      '((typeof (intermediate value)) === "x") is not iterable',
      "(-(intermediate value)) is not iterable",
      "v is not iterable",
      "v is not iterable (cannot read property null)",
      "v is not iterable (cannot read property null)",
      "object null is not iterable (cannot read property Symbol(Symbol.iterator))",
    ]);
    expect(drive(compiled.spreadOperands(5)).slice(4)).toEqual([
      "v is not iterable",
      "Spread syntax requires ...iterable[Symbol.iterator] to be a function",
      "Spread syntax requires ...iterable[Symbol.iterator] to be a function",
      "number 5 is not iterable (cannot read property Symbol(Symbol.iterator))",
    ]);
  });

  it("say as V8 does that what an object pattern destructures is null or undefined", () => {
    const drive = (gen: Generator<unknown, unknown, unknown>, sent: unknown) => {
      const out: unknown[] = [];
      for (let step = gen.next(); !step.done; step = gen.next(sent)) out.push(step.value);
      return out.filter((value) => typeof value === "string");
    };
    for (const sent of [undefined, null]) expect(drive(compiled.destructuring(), sent)).toEqual(drive(native.destructuring(), sent));
    expect(drive(compiled.destructuring(), null)).toEqual([
      "Cannot destructure property 'a' of '(intermediate value)' as it is null.",
      "Cannot destructure property 'a' of 'box.empty' as it is undefined.",
      "Cannot destructure '(intermediate value)' as it is null.",
      "Cannot destructure property 'a' of '(intermediate value)' as it is null.",
      "Cannot destructure '(intermediate value)' as it is null.",
      "Cannot destructure '(intermediate value)' as it is null.",
      "Cannot read properties of null (reading 'a')",
      "Cannot destructure property 'x y' of 'v' as it is null.",
      "Cannot destructure property 'a' of 'box.nested.none' as it is null.",
      "Cannot destructure property 'a' of '.for' as it is null.",
      "Cannot destructure property 'message' of '.catch' as it is null.",
      "Cannot destructure property 'message' of '.catch' as it is null.",
    ]);
  });

  it("say so of a for await head's pattern too", async () => {
    const drain = async (gen: AsyncGenerator<unknown, unknown, unknown>) => {
      const out: unknown[] = [];
      for await (const value of gen) out.push(value);
      return out;
    };
    const messages = await drain(compiled.asyncDestructuring([null]));
    expect(messages).toEqual(await drain(native.asyncDestructuring([null])));
    expect(messages).toEqual(["Cannot destructure property 'a' of '.for' as it is null."]);
  });

  it("say as V8 does that what an array pattern destructures is not iterable", () => {
    const drive = (gen: Generator<unknown, unknown, unknown>, sent: unknown) => {
      const out: unknown[] = [];
      for (let step = gen.next(); !step.done; step = gen.next(sent)) out.push(step.value);
      return out.filter((value) => typeof value === "string");
    };
    for (const sent of [5, null, undefined, {}]) {
      expect(drive(compiled.arrayDestructuring(), sent)).toEqual(drive(native.arrayDestructuring(), sent));
    }
    expect(drive(compiled.arrayDestructuring(), 5)).toEqual([
      "(intermediate value) is not iterable",
      "v is not iterable",
      "(intermediate value) is not iterable",
      "number 5 is not iterable (cannot read property Symbol(Symbol.iterator))",
      "number 5 is not iterable (cannot read property Symbol(Symbol.iterator))",
    ]);
  });

  it("say what a loop over a call of something not callable says, as V8 does", async () => {
    const messages = run(compiled.loopOverCalls(null));
    expect(messages).toEqual(run(native.loopOverCalls(null)));
    expect(messages).toEqual([
      "1",
      "f is not a function or its return value is not iterable",
      "notCallable.m is not a function or its return value is not iterable",
      "notCallable.m is not a function or its return value is not iterable",
      "notCallable.m is not a function or its return value is not iterable",
      "done",
    ]);
    const drain = async (gen: AsyncGenerator<unknown, unknown, unknown>) => {
      const out: unknown[] = [];
      for await (const value of gen) out.push(value);
      return out;
    };
    const asyncMessages = await drain(compiled.asyncLoopOverCalls(7));
    expect(asyncMessages).toEqual(await drain(native.asyncLoopOverCalls(7)));
    expect(asyncMessages).toEqual([
      "f(...) is not a function or its return value is not async iterable",
      "notCallable.m(...) is not a function or its return value is not async iterable",
    ]);
  });

  it("say as V8 does that a delegate has no throw method, or that its return() gave no object", async () => {
    // A delegate without `throw`, whose `return` answers `closed` (an object, or the primitive 5).
    const delegate = (closed: unknown, iteratorKey: symbol) => ({
      [iteratorKey]() {
        return this;
      },
      next: () => ({ value: "step", done: false }),
      return: () => closed,
    });
    const drive = (gen: Generator<unknown, unknown, unknown>) => {
      gen.next();
      try {
        return gen.throw(new Error("thrown in")).value;
      } catch (error) {
        return `threw ${(error as Error).message}`;
      }
    };
    const driveAsync = async (gen: AsyncGenerator<unknown, unknown, unknown>) => {
      await gen.next();
      try {
        return (await gen.throw(new Error("thrown in"))).value;
      } catch (error) {
        return `threw ${(error as Error).message}`;
      }
    };
    const sync = [{ done: true }, 5].map((closed) => drive(compiled.delegating(delegate(closed, Symbol.iterator))));
    expect(sync).toEqual([{ done: true }, 5].map((closed) => drive(native.delegating(delegate(closed, Symbol.iterator)))));
    expect(sync).toEqual(["The iterator does not provide a 'throw' method.", "Iterator result 5 is not an object"]);
    const asyncMessages = [];
    for (const closed of [{ done: true }, 5]) {
      const messages = [
        await driveAsync(compiled.asyncDelegating(delegate(closed, Symbol.asyncIterator))),
        await driveAsync(native.asyncDelegating(delegate(closed, Symbol.asyncIterator))),
      ];
      asyncMessages.push(messages[0]);
      expect(messages[0]).toEqual(messages[1]);
    }
    expect(asyncMessages).toEqual(["The iterator does not provide a 'throw' method.", "Iterator result 5 is not an object"]);
  });

  it("name an optional call's callee that the lowering holds across a yield as V8 does", () => {
    const drive = (gen: Generator<unknown, unknown, unknown>) => [gen.next().value, gen.next().value, gen.next().value, gen.next(5).value];
    const messages = drive(compiled.optionalCallees(1));
    expect(messages).toEqual(drive(native.optionalCallees(1)));
    expect(messages).toEqual([1, "f is not a function", 2, "(intermediate value) is not a function"]);
  });

  it("are rewritten before the caller sees an error that escapes, stack included", () => {
    const messages = run(compiled.escaping({}));
    expect(messages).toEqual(run(native.escaping({})));
    expect(messages).toContain("threw TypeError: obj.missing is not a function");
  });

  it("run none of the code's own traps or getters on what it throws", () => {
    const touched: string[] = [];
    const proxy = new Proxy(new TypeError("_frame.$f is not a function"), {
      getPrototypeOf: (target) => (touched.push("getPrototypeOf"), Object.getPrototypeOf(target)),
      get: (target, key) => (touched.push(`get ${String(key)}`), Reflect.get(target, key)),
      getOwnPropertyDescriptor: (target, key) => (touched.push(`describe ${String(key)}`), Reflect.getOwnPropertyDescriptor(target, key)),
    });
    const withGetter = new TypeError("x");
    Object.defineProperty(withGetter, "message", { get: () => (touched.push("message getter"), "_frame.$f is not a function") });
    for (const thrown of [proxy, withGetter]) {
      const gen = compiled.escaping({
        get missing() {
          throw thrown;
        },
      });
      gen.next();
      let caught: unknown;
      try {
        gen.next();
      } catch (error) {
        caught = error;
      }
      // Compared by identity only: an assertion library would read the proxy to print it.
      expect(caught === thrown).toBe(true);
    }
    expect(touched).toEqual([]);
  });

  it("leave errors the code threw itself alone", () => {
    const thrown = new RangeError("_frame.$f is not a function");
    const gen = compiled.escaping({
      get missing() {
        throw thrown;
      },
    });
    gen.next();
    expect(() => gen.next()).toThrow(thrown);
    expect(thrown.message).toBe("_frame.$f is not a function");
  });
});

describe("the call helpers that code compiled by earlier versions still imports", () => {
  it("invoke calls its function, and names a callee that is not one by its value", async () => {
    const runtime = (await import("resumable-generators")) as unknown as {
      invoke: (fn: unknown, ...args: unknown[]) => unknown;
      callFunction: (fn: unknown, printed: string | undefined, ...args: unknown[]) => unknown;
    };
    expect(runtime.invoke((a: number, b: number) => a + b, 2, 3)).toBe(5);
    expect(() => runtime.invoke(6, 1)).toThrowError(new TypeError("6 is not a function"));
    // What the plugin now emits names the callee as the source wrote it.
    expect(() => runtime.callFunction(6, "f", 1)).toThrowError(new TypeError("f is not a function"));
  });
});
