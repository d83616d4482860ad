/**
 * Async generators: what a compiled `async function*` looks like to
 * reflection, and the rules of snapshot() for them (only when idle). Their
 * behaviour against native async generators is checked by the differential
 * tests (test/differential/async-*.test.ts).
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { describe as describeBlob, fork, isResumable, restore, snapshot, SnapshotError, snapshotValue } from "resumable-generators";
import { importCompiled, projectRoot } from "../support/compile.js";

type AsyncGen = AsyncGenerator<unknown, unknown, unknown>;
let mod: Record<string, any>;

const SOURCE = `
export const log = [];
/* @resumable */
export async function* ticks(n) {
  for (let i = 0; i < n; i++) {
    const got = yield await i;
    log.push(got);
  }
  return "done";
}
export const expression = /* @resumable */ async function* () { yield 1; };
export const object = { /* @resumable */ async *method() { yield 1; } };
export class Holder { /* @resumable */ async *method() { yield 1; } }
export async function* native() { yield 1; }
/* @resumable */
export async function* delegating(source) { return yield* source; }
/* @resumable */
export async function* looping(source) { for await (const x of source) yield x; }
/* @resumable */
export async function* empty() {}
export async function* nativeEmpty() {}
`;

beforeAll(async () => {
  mod = await importCompiled(SOURCE, join(projectRoot, "test", "runtime", "async-example.js"));
});

const AsyncGeneratorFunction = Object.getPrototypeOf(async function* () {}).constructor;
const AsyncGeneratorPrototype = Object.getPrototypeOf(async function* () {}).prototype;

describe("a compiled async generator to reflection", () => {
  it("is an AsyncGenerator, with %AsyncGeneratorPrototype% on its chain and no Symbol.iterator", () => {
    const gen: AsyncGen = mod.ticks(2);
    expect(Object.prototype.toString.call(gen)).toBe("[object AsyncGenerator]");
    expect(AsyncGeneratorPrototype.isPrototypeOf(gen)).toBe(true);
    expect(Symbol.iterator in gen).toBe(false);
    expect(gen[Symbol.asyncIterator]()).toBe(gen);
    expect(isResumable(gen)).toBe(true);
    expect(Object.getPrototypeOf(gen)).toBe(mod.ticks.prototype);
    expect(JSON.stringify(gen)).toBe("{}");
  });

  it("its functions are AsyncGeneratorFunctions (declarations and expressions)", () => {
    expect(mod.ticks).toBeInstanceOf(AsyncGeneratorFunction);
    expect(mod.expression).toBeInstanceOf(AsyncGeneratorFunction);
    expect(Object.prototype.toString.call(mod.ticks)).toBe("[object AsyncGeneratorFunction]");
    expect(mod.expression.name).toBe("expression");
    expect(() => new mod.ticks(1)).toThrow(TypeError);
  });

  it("class methods are AsyncGeneratorFunctions, as sync ones are GeneratorFunctions", () => {
    expect(mod.Holder.prototype.method).toBeInstanceOf(AsyncGeneratorFunction);
  });

  it("methods make async generators too", async () => {
    expect(Object.prototype.toString.call(mod.object.method())).toBe("[object AsyncGenerator]");
    expect(await new mod.Holder().method().next()).toEqual({ value: 1, done: false });
  });

  it("next() on something else rejects with a TypeError", async () => {
    const gen = mod.ticks(1);
    await expect(gen.next.call({})).rejects.toBeInstanceOf(TypeError);
    // An object that only inherits from one is not one either, as natively; the generator itself is untouched.
    for (const method of ["next", "throw", "return"]) await expect(gen[method].call(Object.create(gen))).rejects.toBeInstanceOf(TypeError);
    // Nor is a proxy of one (a native async generator's internal slots are not reachable through a proxy).
    await expect(gen.next.call(new Proxy(gen, {}))).rejects.toBeInstanceOf(TypeError);
    await expect(gen.next.call(undefined)).rejects.toBeInstanceOf(TypeError);
    expect(await gen.next()).toEqual({ value: 0, done: false });
  });

  it("for await…of drives it", async () => {
    const seen: unknown[] = [];
    for await (const value of mod.ticks(3) as AsyncGen) seen.push(value);
    expect(seen).toEqual([0, 1, 2]);
  });
});

describe("requests made while settling another (a then getter on Object.prototype runs then)", () => {
  /** Settling a finished request looks up `then` on its result: there the getter asks for two returns. */
  async function returnsFromThenGetter(gen: AsyncGen): Promise<string[]> {
    const events: string[] = [];
    let ticks = 0;
    let ticking = true;
    const tick = () => {
      ticks++;
      if (ticking) queueMicrotask(tick);
    };
    queueMicrotask(tick);
    const settle = (label: string, promise: Promise<unknown>) =>
      promise.then(
        (result) => events.push(`t${ticks} ${label} ${JSON.stringify(result)}`),
        (error) => events.push(`t${ticks} ${label} rejected ${String(error)}`),
      );
    let armed = true;
    Object.defineProperty(Object.prototype, "then", {
      configurable: true,
      get(this: { done?: unknown }) {
        if (armed && this.done === true) {
          armed = false;
          settle("return R1", gen.return("R1"));
          settle("return R2", gen.return("R2"));
        }
        return undefined;
      },
    });
    try {
      await settle("next", gen.next());
      for (let i = 0; i < 10; i++) await null;
    } finally {
      delete (Object.prototype as { then?: unknown }).then;
      ticking = false;
    }
    return events;
  }

  it("queues them behind the one being settled and settles them in turn, as natively (it had settled one twice, and crashed)", async () => {
    const native = await returnsFromThenGetter(mod.nativeEmpty());
    expect(native).toEqual(['t1 next {"done":true}', 't2 return R1 {"value":"R1","done":true}', 't3 return R2 {"value":"R2","done":true}']);
    expect(await returnsFromThenGetter(mod.empty())).toEqual(native);
  });
});

describe("snapshot() of an async generator", () => {
  it("works when idle: at the start, at a yield, finished; restore and fork continue there", async () => {
    const gen: AsyncGen = mod.ticks(3);
    const atStart = snapshot(gen);
    expect(await gen.next()).toEqual({ value: 0, done: false });
    const atYield = snapshot(gen, { binary: true });
    expect(describeBlob(atYield).frames[0]!.resumePoint?.index).toBe(0);
    const copy = fork(gen) as AsyncGen;
    expect(await gen.next("a")).toEqual({ value: 1, done: false });
    expect(await copy.next("b")).toEqual({ value: 1, done: false });
    const restored = restore<AsyncGen>(atYield);
    expect(Object.prototype.toString.call(restored)).toBe("[object AsyncGenerator]");
    const rest: unknown[] = [];
    for (let r = await restored.next("c"); !r.done; r = await restored.next("d")) rest.push(r.value);
    expect(rest).toEqual([1, 2]);
    expect(await restore<AsyncGen>(atStart).next()).toEqual({ value: 0, done: false });
    await restored.return(undefined);
    expect(await restore<AsyncGen>(snapshot(restored)).next()).toEqual({ value: undefined, done: true });
  });

  it("refuses while a request is pending, saying to await it", async () => {
    const gen: AsyncGen = mod.ticks(3);
    const pending = gen.next();
    expect(() => snapshot(gen)).toThrow(SnapshotError);
    expect(() => snapshot(gen)).toThrow(/await the pending next\(\) before snapshot\(\)/);
    expect(() => fork(gen)).toThrow(SnapshotError);
    await pending;
    expect(() => snapshot(gen)).not.toThrow();
    // Two requests: after the first settles, the second is still in progress.
    const first = gen.next();
    const second = gen.next();
    await first;
    expect(() => snapshot(gen)).toThrow(/request in progress/);
    await second;
    snapshot(gen);
    // return() on a generator that has not started awaits its value: not idle until it settles.
    const fresh: AsyncGen = mod.ticks(1);
    const returning = fresh.return(Promise.resolve("r"));
    expect(() => snapshot(fresh)).toThrow(SnapshotError);
    expect(await returning).toEqual({ value: "r", done: true });
    snapshot(fresh);
  });

  it("names where a busy async generator sits when another value holds it", async () => {
    const busy: AsyncGen = mod.ticks(2);
    const pending = busy.next();
    expect(() => snapshotValue({ feeds: [busy] })).toThrow(
      /^value › field "feeds" › \[0\]: ticks \(.*\) is an async generator with a request in progress/,
    );
    await pending;
  });

  it("refuses a native async generator, naming it", () => {
    expect(() => snapshot(mod.native())).toThrow(/got a native async generator/);
  });

  it("says what a native async generator or async iterable held in state is, and what to do", async () => {
    const { Readable } = await import("node:stream");
    expect(() => snapshotValue({ source: mod.native() })).toThrow(
      /field "source": a native async generator is not serializable; mark its function with \/\* @resumable \*\//,
    );
    expect(() => snapshotValue({ stream: Readable.from(["a"]) })).toThrow(
      /field "stream": an async iterable \(Readable\) has no position a snapshot can save; read it into a resumable async generator/,
    );
  });
});

describe("the async-from-sync wrapper follows ES2025 (V8 11, Node 20, follows the older spec)", () => {
  function syncSource(values: unknown[], log: string[]) {
    return {
      [Symbol.iterator]() {
        let i = 0;
        return {
          next: () => ({ value: values[i], done: i++ >= values.length }),
          return: () => {
            log.push("closed");
            return { done: true };
          },
        };
      },
    };
  }

  it("a throw() forwarded by yield* to a sync iterator without throw() closes it and throws a TypeError", async () => {
    const log: string[] = [];
    const gen: AsyncGen = mod.delegating(syncSource([1, 2], log));
    expect(await gen.next()).toEqual({ value: 1, done: false });
    await expect(gen.throw(new Error("in"))).rejects.toBeInstanceOf(TypeError);
    expect(log).toEqual(["closed"]);
  });

  it("a rejected value's error stands when closing the sync iterator throws or returns a non-object", async () => {
    for (const close of [
      () => {
        throw new Error("from return");
      },
      () => 5,
    ]) {
      const iterable = {
        [Symbol.iterator]: () => ({ next: () => ({ value: Promise.reject(new Error("original")), done: false }), return: close }),
      };
      const gen: AsyncGen = mod.looping(iterable);
      await expect(gen.next()).rejects.toThrow("original");
    }
  });

  it("a rejected value from a sync iterator closes it", async () => {
    const log: string[] = [];
    const gen: AsyncGen = mod.looping(syncSource([1, Promise.reject(new Error("rejected"))], log));
    expect(await gen.next()).toEqual({ value: 1, done: false });
    await expect(gen.next()).rejects.toThrow("rejected");
    expect(log).toEqual(["closed"]);
  });
});
