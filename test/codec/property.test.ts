import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CorruptSnapshotError } from "../../runtime/errors.js";
import { decodeGraph } from "../../runtime/codec/decode.js";
import { Frame, Handle, Point, encodeAsJson, fakeExtension, registeredFunction, roundTrip, type TextGraph } from "./fake-extension.js";
import { randomSource } from "../support/random.ts";

const anyValue = fc.anything({
  // "binary" strings bring lone surrogates; fc.double() alone rarely brings -0 or NaN.
  values: [
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.constantFrom(-0, NaN, Infinity, -Infinity),
    fc.string({ unit: "binary" }),
    fc.constant(null),
    fc.constant(undefined),
    fc.bigInt(),
    fc.string().map((key) => Symbol.for(key)),
  ],
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

describe("round trip of random values", () => {
  it("restores a deep-equal value", () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        expect(roundTrip(value)).toStrictEqual(value);
      }),
      { numRuns: 500, seed: 20240601 },
    );
  });

  it("restores a deep-equal value through a packed graph, as a binary blob carries it", () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        expect(roundTrip(value, fakeExtension, "packed")).toStrictEqual(value);
      }),
      { numRuns: 500, seed: 20261126 },
    );
  });

  it("keeps one object where the original shares one", () => {
    fc.assert(
      fc.property(fc.oneof(fc.object(), fc.array(fc.anything())), (shared) => {
        const restored = roundTrip({ first: shared, again: [shared], map: new Map([[shared, shared]]) });
        expect(restored.again[0]).toBe(restored.first);
        expect(restored.map.get(restored.first)).toBe(restored.first);
        expect(restored.first).toStrictEqual(shared);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});

describe("load order of data records in random graphs", () => {
  /** Every array and object the generator makes is non-empty, so an unfilled shell shows. */
  function isComplete(data: unknown): boolean {
    const seen = new Set<unknown>();
    const pending = [data];
    while (pending.length > 0) {
      const value = pending.pop();
      if (typeof value !== "object" || value === null || seen.has(value)) continue;
      seen.add(value);
      if (value instanceof Point && !Object.hasOwn(value, "x")) return false;
      if (Array.isArray(value) && value.length === 0) return false;
      if (Object.getPrototypeOf(value) === Object.prototype && !Object.hasOwn(value, "kind")) return false;
      pending.push(...(value instanceof Handle ? [value.spec] : Object.values(value)));
    }
    return true;
  }

  const graphs = fc.record({
    kinds: fc.array(fc.constantFrom("point", "object", "array", "handle"), { minLength: 1, maxLength: 10 }),
    edges: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 25 }),
  });

  it("loads each data record after everything its data reaches, or refuses a cycle through one", () => {
    fc.assert(
      fc.property(graphs, ({ kinds, edges }) => {
        const children: number[][] = kinds.map(() => []);
        for (const [from, to] of edges) children[from % kinds.length]!.push(to % kinds.length);
        const nodes: object[] = kinds.map((kind) =>
          kind === "point" ? new Point(null, null) : kind === "object" ? { kind } : kind === "array" ? ["array"] : new Handle(null),
        );
        // The references each node really holds (a Point holds at most two).
        const holds = kinds.map((kind, i) => (kind === "point" ? children[i]!.slice(0, 2) : children[i]!));
        kinds.forEach((kind, i) => {
          const node = nodes[i]!;
          const targets = holds[i]!.map((target) => nodes[target]);
          if (node instanceof Point) [node.x = null, node.y = null] = targets;
          else if (node instanceof Handle) node.spec = targets.length > 0 ? targets : "leaf";
          else if (Array.isArray(node)) node.push(...targets);
          else targets.forEach((target, n) => Object.assign(node, { [`to${n}`]: target }));
        });
        const reaches = (from: number, goal: number): boolean => {
          const seen = new Set<number>();
          const pending = [...holds[from]!];
          while (pending.length > 0) {
            const next = pending.pop()!;
            if (next === goal) return true;
            if (!seen.has(next)) (seen.add(next), pending.push(...holds[next]!));
          }
          return false;
        };
        const hasDataCycle = kinds.some((kind, i) => kind === "handle" && reaches(i, i));

        let complete = true;
        const checkingExtension = {
          ...fakeExtension,
          load(type: string, data: unknown, path: string) {
            complete &&= isComplete(data);
            return fakeExtension.load(type, data, path);
          },
        };
        let encoded;
        try {
          encoded = encodeAsJson(nodes, checkingExtension);
        } catch (error) {
          expect(hasDataCycle).toBe(true);
          expect((error as Error).message).toMatch(/refers back to it/);
          return;
        }
        expect(hasDataCycle).toBe(false);
        const restored = decodeGraph(encoded.graph, checkingExtension, { maxValues: 1000 }, encoded.attachments) as object[];
        expect(complete).toBe(true);
        expect(isComplete(restored)).toBe(true);
      }),
      { numRuns: 1000, seed: 99 },
    );
  });
});

function richGraphs(): TextGraph[] {
  const shared = { name: "shared" };
  const buffer = new ArrayBuffer(16);
  const cyclic: Record<string, unknown> = { shared };
  cyclic.self = cyclic;
  const point = new Point(cyclic, shared);
  const sparse: unknown[] = [];
  sparse[40] = shared;
  sparse[3] = "three";
  const map = new Map<unknown, unknown>([
    [shared, point],
    ["k", [1, 2]],
  ]);
  map.set(map, map);
  const error = new AggregateError([new TypeError("inner")], "outer", { cause: shared });
  const regExp = /x+/g;
  regExp.lastIndex = 2;
  const values = [
    cyclic,
    [undefined, null, -0, NaN, Infinity, 10n, Symbol.for("s"), "text", true],
    { map, set: new Set([shared, map]), date: new Date(0), invalid: new Date(NaN), regExp },
    { bytes: new Uint8Array(buffer, 2, 4), words: new Uint32Array(buffer), view: new DataView(buffer, 1, 3), f64: new Float64Array([1.5]) },
    [new Number(1), new String("s"), new Boolean(true), Object(1n), Object(Symbol.for("b"))],
    { error, sparse, nullProto: Object.assign(Object.create(null) as object, { a: 1 }) },
    new Frame("main", { point, handle: new Handle({ point, inner: new Handle([shared]) }), fn: registeredFunction }),
    { numbers: Array.from({ length: 300 }, (_, i) => i / 7), buffer },
  ];
  return values.map((value) => encodeAsJson(value));
}

const TAGS = [
  "undefined",
  "number",
  "bigint",
  "symbol",
  "Object",
  "NullProtoObject",
  "Array",
  "SparseArray",
  "Map",
  "Set",
  "Date",
  "RegExp",
  "ArrayBuffer",
  "DataView",
  "Float64Array",
  "Uint32Array",
  "Number",
  "String",
  "Boolean",
  "BigInt",
  "Symbol",
  "Error",
  "AggregateError",
  "fields",
  "data",
  "permanent",
  "Function",
  "__proto__",
];

function randomJson(random: () => number, valueCount: number): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const index = Math.floor(random() * (valueCount + 3)) - 1;
  return pick<() => unknown>([
    () => index,
    () => [index],
    () => pick([0, 1, -1, 2, 0.5, -0, 1e15, 2 ** 32, 2 ** 53, NaN]),
    () => pick(["", "x", "__proto__", "constructor", "prototype", "AAAA", "QU!D", "QQ==", "NaN", "-0", "ff", "-"]),
    () => pick(TAGS),
    () => pick([null, true, false]),
    () => pick([[], [[0]], [index, index], [[index]], {}, JSON.parse('{"__proto__": {"polluted": 1}}')]),
    () => [pick(TAGS), [index], index, "x"],
  ])();
}

/** Replaces, removes or inserts one item somewhere in the graph. */
function mutate(graph: { values: unknown[]; root: unknown; shapes?: unknown[] }, random: () => number): void {
  const valueCount = graph.values.length;
  if (random() < 0.05) {
    graph.root = randomJson(random, valueCount);
    return;
  }
  if (random() < 0.05) {
    graph.values.length = Math.floor(random() * valueCount);
    return;
  }
  // Walk down from the values array (or the shapes, a tenth of the time) to a random nested array.
  let container = graph.shapes && random() < 0.1 ? graph.shapes : graph.values;
  while (container.length > 0 && random() < 0.6) {
    const child = container[Math.floor(random() * container.length)];
    if (!Array.isArray(child)) break;
    container = child;
  }
  const position = Math.floor(random() * (container.length + 1));
  const operation = random();
  if (operation < 0.6) container[position] = randomJson(random, valueCount);
  else if (operation < 0.8) container.splice(position, 1);
  else container.splice(position, 0, randomJson(random, valueCount));
}

describe("decoding mutated graphs", () => {
  it("either succeeds or throws CorruptSnapshotError, and leaves prototypes alone", () => {
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype);
    const arrayPrototypeKeys = Object.getOwnPropertyNames(Array.prototype);
    const originals = richGraphs();
    const outcomes = { decoded: 0, refused: 0 };
    for (let caseNumber = 0; caseNumber < 2000; caseNumber++) {
      const random = randomSource(caseNumber);
      const original = originals[caseNumber % originals.length]!;
      const graph = structuredClone(original.graph) as { values: unknown[]; root: unknown; shapes?: unknown[] };
      const mutations = 1 + Math.floor(random() * 3);
      for (let n = 0; n < mutations; n++) mutate(graph, random);
      try {
        decodeGraph(graph, fakeExtension, { maxValues: 1000, maxArrayLength: 1e6 }, original.attachments);
        outcomes.decoded++;
      } catch (error) {
        if (!(error instanceof CorruptSnapshotError)) {
          throw new Error(`case ${caseNumber} threw ${String(error)} for ${JSON.stringify(graph)}`, { cause: error });
        }
        outcomes.refused++;
      }
    }
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeKeys);
    expect(Object.getOwnPropertyNames(Array.prototype)).toEqual(arrayPrototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    // Both outcomes happen, so the mutations reach past the first check.
    expect(outcomes.decoded).toBeGreaterThan(100);
    expect(outcomes.refused).toBeGreaterThan(100);
  });
});
