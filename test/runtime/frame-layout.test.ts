/**
 * The fields of a frame are written by its own class's constructor, in the
 * order of runtime/frame-layout.ts: the base classes write none (a store
 * shared by every frame class goes megamorphic, and creating a generator
 * took 1.7 µs with eight classes in use), and a restored frame, like the idle
 * frame that keeps the class's hidden class alive, has the same fields in the
 * same order as a called one, so all share that hidden class.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { AsyncDriver, AsyncFrame, defineResumable, Frame, restore, snapshot, SnapshotError } from "resumable-generators";
import { CALL_FIELDS, FRAME_FIELDS } from "../../dist/runtime/frame-layout.js";
import { importCompiled, projectRoot } from "../support/compile.js";

const SOURCE = `
/* @resumable */
export function* total(values, start) {
  let sum = start;
  for (const value of values) sum += yield value;
  return sum;
}

/* @resumable */
export async function* fetched(urls) {
  for (const url of urls) yield await url;
}
`;

interface Module {
  total: (values: number[], start: number) => Generator<unknown, unknown, unknown>;
  fetched: (urls: string[]) => AsyncGenerator<unknown, unknown, unknown>;
}
let compiled: Module;

beforeAll(async () => {
  compiled = await importCompiled<Module>(SOURCE, join(projectRoot, "test", "frame-layout.js"));
});

const baseFields = [...FRAME_FIELDS.map(([field]) => field), ...CALL_FIELDS];

describe("the frame layout", () => {
  it("is written by each class, not by the shared base classes", () => {
    // Subclasses as bare as possible: whatever they own, the base constructors wrote.
    const BareFrame = class extends (Frame as unknown as new () => object) {};
    const BareAsyncFrame = class extends (AsyncFrame as unknown as new () => object) {};
    expect(Object.keys(new BareFrame())).toEqual([]);
    expect(Object.keys(new BareAsyncFrame())).toEqual([]);
  });

  it("starts with the layout's fields and their initial values, then the call's, then the function's own", () => {
    const gen = compiled.total([1, 2], 10);
    const keys = Object.keys(gen);
    expect(keys.slice(0, baseFields.length)).toEqual(baseFields);
    const record = gen as unknown as Record<string, unknown>;
    for (const [field, initial] of FRAME_FIELDS) expect(record[field]).toBe(initial);
    expect(keys.length).toBeGreaterThan(baseFields.length);

    // An async frame's driver is the value of its private brand, not a field of its own.
    const asyncGen = compiled.fetched(["a"]);
    const asyncKeys = Object.keys(asyncGen);
    expect(asyncKeys.slice(0, baseFields.length)).toEqual(baseFields);
    expect(asyncKeys).not.toContain("_driver");
    expect((asyncGen as unknown as { _driver: object })._driver).toBeInstanceOf(AsyncDriver);
  });

  it("is kept alive by an idle frame per class in the function table, laid out as the called ones", () => {
    // Without a live frame at a full GC, V8 dropped the hidden class and the code optimized for it.
    for (const gen of [compiled.total([1], 0), compiled.fetched([])]) {
      const idle = (gen.constructor as { metadata?: { idleFrame?: object } }).metadata?.idleFrame;
      expect(idle).toBeInstanceOf(gen.constructor);
      expect(Object.keys(idle!)).toEqual(Object.keys(gen));
      expect((idle as { _status: number })._status).toBe(0);
    }
  });

  it("is refused with a clear error when a class leaves the base fields to Frame, as code from an older plugin did", () => {
    const metadata = (compiled.total([1], 0).constructor as unknown as { metadata: Parameters<typeof defineResumable>[1] }).metadata;
    // What the plugin emitted before frame-layout.ts: super(self, args), then only the function's own fields.
    const OldStyle = class extends (Frame as unknown as new (self: unknown, args: unknown) => object) {
      constructor(self: unknown, args: unknown) {
        super(self, args);
        (this as Record<string, unknown>)["$values"] = undefined;
      }
    };
    const define = () =>
      defineResumable(OldStyle as unknown as Parameters<typeof defineResumable>[0], { ...metadata, id: "test/frame-layout.js#oldStyle" });
    expect(define).toThrow(SnapshotError);
    expect(define).toThrow(/was compiled by an older resumable-generators\/babel-plugin: .*compile it again with this version's plugin/);
  });

  it("is the same, field for field and in order, for a restored frame", async () => {
    const gen = compiled.total([1, 2, 3], 10);
    gen.next();
    const restored = restore(snapshot(gen)) as Generator<unknown, unknown, unknown>;
    expect(Object.keys(restored)).toEqual(Object.keys(gen));
    expect(restored.next(5)).toEqual(gen.next(5));

    const asyncGen = compiled.fetched(["a", "b"]);
    await asyncGen.next();
    const asyncRestored = restore(snapshot(asyncGen)) as AsyncGenerator<unknown, unknown, unknown>;
    expect(Object.keys(asyncRestored)).toEqual(Object.keys(asyncGen));
    expect(await asyncRestored.next()).toEqual({ value: "b", done: false });
  });
});
