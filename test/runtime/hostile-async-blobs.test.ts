/**
 * Blobs from outside that put an async iterator where a sync loop or a sync
 * `yield*` steps (or the reverse, or an async-from-sync wrapper around
 * nothing): honest code never makes them, and restoring one used to give a
 * loop that read `done` from a promise (a hang, or memory growing without
 * end) or an unhandled rejection that ended the process. Each is now refused
 * at restore with CorruptSnapshotError.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CorruptSnapshotError, restore, snapshot } from "resumable-generators";
import { importCompiled, projectRoot } from "../support/compile.js";

let mod: Record<string, any>;

const SOURCE = `
/* @resumable */
export function* syncFor(it) { let n = 0; for (const x of it) { n++; yield x; } return n; }
/* @resumable */
export function* syncDelegate(it) { return yield* it; }
/* @resumable */
export async function* asyncFor(it) { let n = 0; for await (const x of it) { n++; yield x; } return n; }
/* @resumable */
export async function* asyncDelegate(it) { return yield* it; }
/* @resumable */
export async function* inner() { yield 1; }
/* @resumable */
export async function* thrower() { throw new Error("boom"); }
/* @resumable */
export function* syncInner() { yield 1; }
`;

beforeAll(async () => {
  mod = await importCompiled(SOURCE, join(projectRoot, "test", "runtime", "hostile-async.js"));
});

type Graph = { values: unknown[][]; root: unknown };

/** A real blob's graph, taken after one step. */
async function graphAfterOneStep(gen: any): Promise<Graph> {
  const step = gen.next();
  if (step instanceof Promise) await step;
  return JSON.parse(snapshot(gen) as string).graph as Graph;
}

/** The record of a fresh generator, to splice into another graph (it refers to nothing else). */
function recordOf(gen: unknown): unknown[] {
  return (JSON.parse(snapshot(gen) as string).graph as Graph).values[0]!;
}

/** Replaces the value a frame field refers to with `record`. */
function withField(graph: Graph, key: string, record: unknown[]): string {
  const frame = graph.values[0]!;
  const slot = frame[frame.indexOf(key) + 1] as [number];
  const values = graph.values.map((entry) => [...entry]);
  values[slot[0]] = record;
  return JSON.stringify({ format: "resumable-generators", version: 2, graph: { ...graph, values } });
}

describe("restore refuses async iterators where a sync loop steps, and the reverse", () => {
  it("an async generator as the iterator of a sync for…of (it would never end)", async () => {
    const graph = await graphAfterOneStep(mod.syncFor([1, 2, 3]));
    const key = graph.values[0]!.find((k) => typeof k === "string" && k.startsWith("_iterator")) as string;
    const blob = withField(graph, key, recordOf(mod.inner()));
    expect(() => restore(blob)).toThrowError(CorruptSnapshotError);
    expect(() => restore(blob)).toThrowError(/holds the iterator of a loop, and the snapshot gives it something that is not one/);
  });

  it("an async-from-sync wrapper around nothing, or around an async generator", async () => {
    const graph = await graphAfterOneStep(mod.asyncFor([1, 2, 3]));
    const key = graph.values[0]!.find((k) => typeof k === "string" && k.startsWith("_iterator")) as string;
    const wrapperIndex = (graph.values[0]![graph.values[0]!.indexOf(key) + 1] as [number])[0];
    expect(graph.values[wrapperIndex]![1]).toBe("cursor.asyncFromSync");
    const aroundNothing = withField(graph, key, ["fields", "cursor.asyncFromSync", null, "iterator", null]);
    expect(() => restore(aroundNothing)).toThrowError(/an async-from-sync iterator must wrap a cursor/);
    const innerIndex = graph.values.length;
    const aroundAsync = JSON.parse(withField(graph, key, ["fields", "cursor.asyncFromSync", null, "iterator", [innerIndex]]));
    aroundAsync.graph.values.push(recordOf(mod.inner()));
    expect(() => restore(JSON.stringify(aroundAsync))).toThrowError(CorruptSnapshotError);
  });

  it("an async generator as a sync yield*'s delegate (its rejection would go unhandled)", async () => {
    const graph = await graphAfterOneStep(mod.syncDelegate([1, 2]));
    const blob = withField(graph, "#delegate", recordOf(mod.thrower()));
    expect(() => restore(blob)).toThrowError(CorruptSnapshotError);
    expect(() => restore(blob)).toThrowError(/is a yield\*, and #delegate is not/);
  });

  it("a sync generator as an async yield*'s delegate, where only what asyncIterate() makes is accepted", async () => {
    const graph = await graphAfterOneStep(mod.asyncDelegate(mod.inner()));
    const blob = withField(graph, "#delegate", recordOf(mod.syncInner()));
    expect(() => restore(blob)).toThrowError(/a yield\* in an async generator, and #delegate is not a resumable async generator/);
  });

  it("still restores the honest blobs of these generators", async () => {
    for (const gen of [mod.syncFor([1, 2]), mod.syncDelegate([1, 2])]) {
      gen.next();
      expect([...restore(snapshot(gen))]).toEqual([2]);
    }
    const looping = mod.asyncFor([1, 2]);
    await looping.next();
    expect(await (restore(snapshot(looping)) as AsyncGenerator).next()).toEqual({ value: 2, done: false });
    const delegating = mod.asyncDelegate(mod.syncInner());
    await delegating.next();
    expect(await (restore(snapshot(delegating)) as AsyncGenerator).next()).toEqual({ value: undefined, done: true });
  });
});
