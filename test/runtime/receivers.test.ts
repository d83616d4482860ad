/**
 * What a generator's methods are called on, and what `super.m()` calls: a
 * compiled generator's next/throw/return refuse a receiver that is not a
 * generator with V8's TypeError, leave it untouched and run none of its code,
 * and take a generator of another function as native ones do (one `next`
 * serves them all). `super.m(…)` calls m itself, looked up before its
 * arguments, and says so in V8's words when m is not a function.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { importCompiled, projectRoot } from "../support/compile.js";

const SOURCE = `
export function* count(n) { for (let i = 0; i < n; i++) yield i; }
export function* other() { yield "other"; }
export async function* ticks() { yield 1; }
export async function* otherTicks() { yield "other"; }

class Base {
  m(x) { return "Base.m(" + x + ")"; }
}
export class Derived extends Base {
  #frame = "the user's own #frame";
  *plain(x) { yield super.m(x); }
  *missing() {
    try { super.nope(1); } catch (e) { yield e.message; }
    try { super["nope"](2); } catch (e) { yield e.message; }
    const key = "nope";
    try { super[key](3); } catch (e) { yield e.message; }
    yield super.nope?.(4);
    try { super.nope(yield "yielding argument"); } catch (e) { yield e.message; }
  }
  *order(log) {
    // The method is looked up before its arguments are evaluated.
    yield super.m((log.push("argument"), Base.prototype.m = () => "replaced", "x"));
  }
  *ownPrivateName() { yield this.#frame; }
  *optional(log) {
    yield super.m?.("y");
    yield super.nope?.(log.push("argument evaluated"));
    yield super.nope?.().chained;
    try { super.five?.(); } catch (e) { yield e.message; }
  }
}
Base.prototype.five = 5;
`;

interface Module {
  count: (n: number) => Generator<number>;
  other: () => Generator<string>;
  ticks: () => AsyncGenerator<number>;
  otherTicks: () => AsyncGenerator<string>;
  Derived: new () => {
    plain(x: unknown): Generator<unknown>;
    missing(): Generator<unknown>;
    order(log: string[]): Generator<unknown>;
    ownPrivateName(): Generator<unknown>;
    optional(log: string[]): Generator<unknown>;
  };
}
let native: Module;
let compiled: Module;

beforeAll(async () => {
  native = await import(`data:text/javascript,${encodeURIComponent(SOURCE)}`);
  const annotated = SOURCE.replaceAll("export function*", "/* @resumable */ export function*")
    .replaceAll("export async function*", "/* @resumable */ export async function*")
    .replace(/^  \*/gm, "  /* @resumable */ *");
  compiled = await importCompiled(annotated, join(projectRoot, "test", "receivers.js"));
});

function outcome(action: () => unknown): string {
  try {
    return `returned ${JSON.stringify(action())}`;
  } catch (error) {
    return `threw ${(error as Error).constructor.name}: ${(error as Error).message}`;
  }
}

async function asyncOutcome(action: () => Promise<unknown>): Promise<string> {
  try {
    return `fulfilled ${JSON.stringify(await action())}`;
  } catch (error) {
    return `rejected ${(error as Error).constructor.name}: ${(error as Error).message}`;
  }
}

/** Receivers that are not generators, each made fresh, with how V8 describes them. */
function strangers(module: Module): Array<[string, () => unknown]> {
  class Named {}
  return [
    ["undefined", () => undefined],
    ["null", () => null],
    ["a number", () => 5],
    ["a string", () => "abc"],
    ["a symbol", () => Symbol("s")],
    ["a plain object", () => ({})],
    ["an instance", () => new Named()],
    ["a Map", () => new Map()],
    ["an array", () => []],
    ["a null-prototype object", () => Object.create(null)],
    ["a function", () => function f() {}],
    ["an object inheriting from a generator", () => Object.create(module.count(3))],
    ["%GeneratorPrototype% itself", () => Object.getPrototypeOf(function* () {}).prototype],
    ["%AsyncGeneratorPrototype% itself", () => Object.getPrototypeOf(async function* () {}).prototype],
  ];
}

describe("a generator's methods called on something else", () => {
  for (const method of ["next", "throw", "return"] as const) {
    it(`${method} refuses what is not a generator with V8's TypeError, and leaves it as it was`, () => {
      const compiledStrangers = strangers(compiled);
      const nativeStrangers = strangers(native);
      for (let i = 0; i < compiledStrangers.length; i++) {
        const [what, make] = compiledStrangers[i]!;
        const receiver = make();
        const ownKeysBefore = typeof receiver === "object" && receiver !== null ? Reflect.ownKeys(receiver) : [];
        const got = outcome(() => Reflect.apply(compiled.count(3)[method], receiver, [1]));
        const expected = outcome(() => Reflect.apply(native.count(3)[method], nativeStrangers[i]![1](), [1]));
        expect(`${what}: ${got}`).toBe(`${what}: ${expected}`);
        if (typeof receiver === "object" && receiver !== null) expect(Reflect.ownKeys(receiver)).toEqual(ownKeysBefore);
      }
    });
  }

  it("refuses a proxy of a generator without running its traps", () => {
    for (const module of [native, compiled]) {
      const touched: string[] = [];
      const gen = module.count(3);
      const proxy = new Proxy(gen, {
        get: (target, key) => (touched.push(`get ${String(key)}`), Reflect.get(target, key)),
        set: (target, key, value) => (touched.push(`set ${String(key)}`), Reflect.set(target, key, value)),
        has: (target, key) => (touched.push(`has ${String(key)}`), Reflect.has(target, key)),
        getPrototypeOf: (target) => (touched.push("getPrototypeOf"), Reflect.getPrototypeOf(target)),
        getOwnPropertyDescriptor: (target, key) => (touched.push(`describe ${String(key)}`), Reflect.getOwnPropertyDescriptor(target, key)),
      });
      for (const method of ["next", "throw", "return"] as const) {
        expect(() => Reflect.apply(gen[method], proxy, [1])).toThrowError(
          new RegExp(`^Method \\[Generator\\]\\.prototype\\.${method} called on incompatible receiver`),
        );
      }
      expect(touched).toEqual([]);
      expect([...gen]).toEqual([0, 1, 2]);
    }
  });

  it("takes a generator of another function, as one native `next` serves every generator", () => {
    for (const module of [native, compiled]) {
      const counter = module.count(3);
      const stranger = module.other();
      expect(counter.next.call(stranger)).toEqual({ value: "other", done: false });
      expect(counter.return.call(stranger, "r")).toEqual({ value: "r", done: true });
      expect(stranger.next.call(counter)).toEqual({ value: 0, done: false });
      expect(() => stranger.throw.call(counter, new Error("thrown"))).toThrow("thrown");
      expect(counter.next()).toEqual({ value: undefined, done: true });
    }
  });

  it("an async generator's methods reject a proxy of one without running its traps", async () => {
    for (const module of [native, compiled]) {
      const touched: string[] = [];
      const gen = module.ticks();
      const proxy = new Proxy(gen, {
        get: (target, key) => (touched.push(`get ${String(key)}`), Reflect.get(target, key)),
        has: (target, key) => (touched.push(`has ${String(key)}`), Reflect.has(target, key)),
        getPrototypeOf: (target) => (touched.push("getPrototypeOf"), Reflect.getPrototypeOf(target)),
        getOwnPropertyDescriptor: (target, key) => (touched.push(`describe ${String(key)}`), Reflect.getOwnPropertyDescriptor(target, key)),
      });
      for (const method of ["next", "throw", "return"] as const) {
        await expect(Reflect.apply(gen[method], proxy, [1]) as Promise<unknown>).rejects.toThrowError(
          new RegExp(`^Method \\[AsyncGenerator\\]\\.prototype\\.${method} called on incompatible receiver`),
        );
      }
      expect(touched).toEqual([]);
      expect(await gen.next()).toEqual({ value: 1, done: false });
    }
  });

  it("an async generator's methods take an async generator of another function", async () => {
    for (const module of [native, compiled]) {
      const ticks = module.ticks();
      const stranger = module.otherTicks();
      expect(await ticks.next.call(stranger)).toEqual({ value: "other", done: false });
      expect(await ticks.return.call(stranger, "r")).toEqual({ value: "r", done: true });
      expect(await stranger.next.call(ticks)).toEqual({ value: 1, done: false });
      await expect(stranger.throw.call(ticks, new Error("thrown"))).rejects.toThrow("thrown");
      expect(await ticks.next()).toEqual({ value: undefined, done: true });
    }
  });

  it("an async generator's methods reject what is not one with V8's TypeError", async () => {
    for (const method of ["next", "throw", "return"] as const) {
      const nativeStrangers = strangers(native);
      const compiledStrangers = strangers(compiled);
      for (let i = 0; i < compiledStrangers.length; i++) {
        const [what, make] = compiledStrangers[i]!;
        const got = await asyncOutcome(() => Reflect.apply(compiled.ticks()[method], make(), [1]) as Promise<unknown>);
        const expected = await asyncOutcome(() => Reflect.apply(native.ticks()[method], nativeStrangers[i]![1](), [1]) as Promise<unknown>);
        expect(`${what}: ${got}`).toBe(`${what}: ${expected}`);
      }
    }
  });
});

describe("super.m() in a resumable method", () => {
  it("calls m itself, not through its own `call` property", () => {
    const trace = (module: Module) => {
      const base = Object.getPrototypeOf(module.Derived.prototype) as { m: { call?: unknown } };
      base.m.call = () => "call replaced";
      try {
        return [...new module.Derived().plain("x")];
      } finally {
        delete base.m.call;
      }
    };
    expect(trace(compiled)).toEqual(trace(native));
    expect(trace(compiled)).toEqual(["Base.m(x)"]);
  });

  it("says what is not a function in V8's words", () => {
    const run = (module: Module) => {
      const gen = new module.Derived().missing();
      const out: unknown[] = [];
      for (let step = gen.next(); !step.done; step = gen.next()) out.push(step.value);
      return out;
    };
    expect(run(compiled)).toEqual(run(native));
    expect(run(compiled)).toContain("(intermediate value)[key] is not a function");
  });

  it("looks the method up before its arguments are evaluated", () => {
    const run = (module: Module) => {
      const base = Object.getPrototypeOf(module.Derived.prototype) as { m: unknown };
      const original = base.m;
      try {
        const log: string[] = [];
        return [...new module.Derived().order(log), ...log];
      } finally {
        base.m = original;
      }
    };
    expect(run(compiled)).toEqual(run(native));
    expect(run(compiled)).toEqual(["Base.m(x)", "argument"]);
  });

  it("super.m?.() calls m itself, and evaluates nothing after a missing m, chain included", () => {
    const run = (module: Module) => {
      const base = Object.getPrototypeOf(module.Derived.prototype) as { m: { call?: unknown } };
      base.m.call = () => "call replaced";
      try {
        const log: string[] = [];
        return [...new module.Derived().optional(log), ...log];
      } finally {
        delete base.m.call;
      }
    };
    expect(run(compiled)).toEqual(run(native));
    expect(run(compiled)).toEqual(["Base.m(y)", undefined, undefined, "(intermediate value).five is not a function"]);
  });

  it("a method may use a private name the frame class would brand its frames with", () => {
    expect([...new compiled.Derived().ownPrivateName()]).toEqual([...new native.Derived().ownPrivateName()]);
  });
});
