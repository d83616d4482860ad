import { describe, expect, it } from "vitest";
import { decodeGraph } from "../../runtime/codec/decode.js";
import { encodeGraph } from "../../runtime/codec/encode.js";
import { Frame, Handle, Point, encodeAsJson, fakeExtension, limits, registeredFunction, roundTrip } from "./fake-extension.js";

describe("primitives", () => {
  it.each([
    ["undefined", undefined],
    ["null", null],
    ["true", true],
    ["false", false],
    ["zero", 0],
    ["a float", 1.5],
    ["a negative number", -42],
    ["NaN", NaN],
    ["Infinity", Infinity],
    ["-Infinity", -Infinity],
    ["MAX_VALUE", Number.MAX_VALUE],
    ["MIN_VALUE", Number.MIN_VALUE],
    ["a string", "héllo"],
    ["an empty string", ""],
    ["a lone surrogate", "a\uD800b\uDFFF"],
    ["a BigInt", 123456789012345678901234567890n],
    ["a negative BigInt", -255n],
    ["0n", 0n],
    ["a registered symbol", Symbol.for("app.key")],
  ])("%s", (_name, value) => {
    expect(Object.is(roundTrip(value), value)).toBe(true);
  });

  it("keeps -0 apart from 0, also inside containers", () => {
    const restored = roundTrip({ negative: -0, positive: 0, list: [-0, 0, NaN] });
    expect(Object.is(restored.negative, -0)).toBe(true);
    expect(Object.is(restored.positive, 0)).toBe(true);
    expect(Object.is(restored.list[0], -0)).toBe(true);
    expect(Object.is(restored.list[1], 0)).toBe(true);
    expect(restored.list[2]).toBeNaN();
  });

  it("writes JSON-native primitives inline", () => {
    expect(encodeGraph("text", fakeExtension)).toEqual({ graph: { values: [], root: "text" }, attachments: [] });
    expect(encodeGraph(3, fakeExtension).graph).toEqual({ values: [], root: 3 });
    expect(encodeGraph(null, fakeExtension).graph).toEqual({ values: [], root: null });
  });

  it("writes a repeated special primitive once", () => {
    const { graph } = encodeGraph([undefined, undefined, 10n, 10n, NaN, NaN], fakeExtension);
    expect(graph.values).toHaveLength(4);
  });

  it("writes a BigInt in hexadecimal", () => {
    expect(encodeGraph(-255n, fakeExtension).graph.values).toEqual([["bigint", "-ff"]]);
  });
});

describe("plain objects", () => {
  it("round-trips nested objects and arrays", () => {
    const value = { a: 1, b: "two", c: [1, { d: null }], e: { f: { g: true } } };
    expect(roundTrip(value)).toEqual(value);
  });

  it("keeps key order, including integer-like keys", () => {
    const value = { b: 1, a: 2, 10: 3, 2: 4 };
    expect(Object.keys(roundTrip(value))).toEqual(Object.keys(value));
  });

  it("keeps an own __proto__ key as data and leaves Object.prototype alone", () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "x": 1}') as Record<string, unknown>;
    expect(Object.hasOwn(value, "__proto__")).toBe(true);
    const restored = roundTrip(value);
    expect(Object.getPrototypeOf(restored)).toBe(Object.prototype);
    expect(Object.hasOwn(restored, "__proto__")).toBe(true);
    expect(Object.getOwnPropertyDescriptor(restored, "__proto__")?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("keeps constructor and prototype as plain keys", () => {
    const restored = roundTrip({ constructor: "c", prototype: { p: 1 }, toString: 5 });
    expect(Object.getOwnPropertyDescriptor(restored, "constructor")?.value).toBe("c");
    expect(restored.prototype).toEqual({ p: 1 });
    expect(restored.toString).toBe(5);
  });

  it("keeps null-prototype objects, including a __proto__ key", () => {
    const value = Object.create(null) as Record<string, unknown>;
    value.a = 1;
    Object.defineProperty(value, "__proto__", { value: 2, enumerable: true, writable: true, configurable: true });
    const restored = roundTrip(value);
    expect(Object.getPrototypeOf(restored)).toBe(null);
    expect(Object.keys(restored)).toEqual(["a", "__proto__"]);
    expect(Object.getOwnPropertyDescriptor(restored, "__proto__")?.value).toBe(2);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it("skips non-enumerable properties", () => {
    const value = { shown: 1 };
    Object.defineProperty(value, "hidden", { value: 2, enumerable: false });
    expect(Object.getOwnPropertyNames(roundTrip(value))).toEqual(["shown"]);
  });
});

describe("identity and cycles", () => {
  it("writes an object reached twice once, and restores one object", () => {
    const shared = { n: 1 };
    const { graph } = encodeGraph({ a: shared, b: shared, c: [shared] }, fakeExtension);
    expect(graph.values).toHaveLength(3);
    const restored = roundTrip({ a: shared, b: shared, c: [shared] });
    expect(restored.a).toBe(restored.b);
    expect(restored.c[0]).toBe(restored.a);
  });

  it("restores an object that contains itself", () => {
    const value: Record<string, unknown> = { name: "self" };
    value.self = value;
    const restored = roundTrip(value);
    expect(restored.self).toBe(restored);
  });

  it("restores an array that contains itself", () => {
    const value: unknown[] = [1];
    value.push(value);
    const restored = roundTrip(value);
    expect(restored[1]).toBe(restored);
  });

  it("restores a Map whose key and value are the Map itself", () => {
    const map = new Map<unknown, unknown>();
    map.set(map, map);
    map.set("other", 1);
    const restored = roundTrip(map);
    expect(restored.get(restored)).toBe(restored);
    expect([...restored.keys()]).toEqual([restored, "other"]);
  });

  it("restores a Set that contains itself", () => {
    const set = new Set<unknown>();
    set.add(set);
    const restored = roundTrip(set);
    expect(restored.has(restored)).toBe(true);
  });

  it("restores a cycle through a buffer shared by two views", () => {
    const buffer = new ArrayBuffer(16);
    const holder: Record<string, unknown> = {};
    const bytes = new Uint8Array(buffer, 4, 8);
    const words = new Uint32Array(buffer);
    words[1] = 0xdeadbeef;
    holder.views = [bytes, words];
    holder.self = holder;
    const restored = roundTrip(holder);
    const [restoredBytes, restoredWords] = restored.views as [Uint8Array, Uint32Array];
    expect(restoredBytes.buffer).toBe(restoredWords.buffer);
    expect(restoredBytes.byteOffset).toBe(4);
    expect(restoredBytes.length).toBe(8);
    expect(restoredWords[1]).toBe(0xdeadbeef);
    expect(restored.self).toBe(restored);
  });

  it("restores an error whose cause is the error itself", () => {
    const error = new Error("loop");
    error.cause = error;
    const restored = roundTrip(error);
    expect(restored.cause).toBe(restored);
  });
});

describe("arrays", () => {
  it("writes a long array of numbers as float64 bytes beside the graph, exactly", () => {
    const numbers = Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 1e6);
    numbers[1] = -0;
    numbers[2] = NaN;
    numbers[3] = -Infinity;
    numbers[4] = 2 ** 53 + 2;
    numbers[5] = 5e-324;
    const { graph, attachments } = encodeGraph(numbers, fakeExtension);
    expect(graph.values).toEqual([["NumberArray", 0]]);
    expect(attachments[0]!.byteLength).toBe(8000);
    const restored = roundTrip(numbers);
    expect(Array.isArray(restored)).toBe(true);
    expect(restored).toHaveLength(1000);
    expect(restored.every((value, i) => Object.is(value, numbers[i]))).toBe(true);
    expect(Object.isFrozen(roundTrip(Object.freeze([...numbers])))).toBe(true);
  });

  it("keeps a short array of numbers, or one with anything else in it, inline", () => {
    expect(encodeGraph([1, 2, 3], fakeExtension).graph.values).toEqual([["Array", 1, 2, 3]]);
    const mixed: unknown[] = Array.from({ length: 300 }, (_, i) => i);
    mixed[150] = "x";
    expect(encodeGraph(mixed, fakeExtension).graph.values[0]).toHaveLength(301);
    expect(roundTrip(mixed)).toEqual(mixed);
  });

  it("keeps holes", () => {
    // eslint-disable-next-line no-sparse-arrays
    const value = [1, , 3, , ,];
    const restored = roundTrip(value);
    expect(restored).toHaveLength(5);
    expect(Object.keys(restored)).toEqual(["0", "2"]);
    expect(restored[2]).toBe(3);
  });

  it("encodes a sparse array of length 1e9 in time proportional to its elements", () => {
    const value: unknown[] = [];
    value[1e9] = 1;
    value[5] = "five";
    const started = performance.now();
    const { graph } = encodeGraph(value, fakeExtension);
    // A complexity guard, not a speed target: visiting 1e9 indexes takes many
    // seconds, the two elements a few microseconds, so the bound is generous.
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(JSON.stringify(graph).length).toBeLessThan(100);
    const restored = decodeGraph(JSON.parse(JSON.stringify(graph)), fakeExtension, limits) as unknown[];
    expect(restored.length).toBe(1e9 + 1);
    expect(restored[1e9]).toBe(1);
    expect(restored[5]).toBe("five");
    expect(Object.keys(restored)).toEqual(["5", "1000000000"]);
  });

  it("keeps an explicit undefined apart from a hole", () => {
    const restored = roundTrip([undefined, 1]);
    expect(0 in restored).toBe(true);
  });

  it("round-trips an empty array", () => {
    expect(roundTrip([])).toEqual([]);
  });
});

describe("built-in objects", () => {
  it("Map with object keys, in insertion order", () => {
    const key = { k: 1 };
    const map = new Map<unknown, unknown>([
      ["z", 1],
      [key, "object key"],
      [1, { v: key }],
    ]);
    const restored = roundTrip(map);
    expect(restored).toBeInstanceOf(Map);
    const keys = [...restored.keys()];
    expect(keys[0]).toBe("z");
    expect(keys[1]).toEqual({ k: 1 });
    expect(restored.get(1)).toEqual({ v: keys[1] });
    expect((restored.get(1) as { v: unknown }).v).toBe(keys[1]);
  });

  it("Set in insertion order", () => {
    const restored = roundTrip(new Set([3, "a", 1, null, undefined]));
    expect([...restored]).toEqual([3, "a", 1, null, undefined]);
  });

  it("Date, including an invalid Date", () => {
    const date = new Date(Date.UTC(2024, 1, 29, 12, 30, 15, 123));
    expect(roundTrip(date).getTime()).toBe(date.getTime());
    const invalid = roundTrip(new Date(NaN));
    expect(invalid).toBeInstanceOf(Date);
    expect(invalid.getTime()).toBeNaN();
  });

  it("RegExp with source, flags and lastIndex", () => {
    const regExp = /a(b)+\/c/gimsuy;
    regExp.lastIndex = 7;
    const restored = roundTrip(regExp);
    expect(restored.source).toBe(regExp.source);
    expect(restored.flags).toBe(regExp.flags);
    expect(restored.lastIndex).toBe(7);
  });

  it("ArrayBuffer bytes as an attachment beside the graph", () => {
    const buffer = new Uint8Array([0, 1, 2, 250, 255]).buffer;
    const { graph, attachments } = encodeGraph(buffer, fakeExtension);
    expect(graph.values).toEqual([["ArrayBuffer", 0]]);
    expect(attachments).toEqual([new Uint8Array([0, 1, 2, 250, 255])]);
    expect(encodeAsJson(buffer).attachments).toEqual(["AAEC+v8="]);
    expect([...new Uint8Array(roundTrip(buffer))]).toEqual([0, 1, 2, 250, 255]);
    expect(roundTrip(new ArrayBuffer(0)).byteLength).toBe(0);
  });

  it("a detached ArrayBuffer comes back empty", () => {
    const buffer = new ArrayBuffer(8);
    const view = new Float64Array(buffer);
    structuredClone(buffer, { transfer: [buffer] });
    const restored = roundTrip({ buffer, view });
    expect(restored.buffer.byteLength).toBe(0);
    expect(restored.view.length).toBe(0);
  });

  it.each([
    new Int8Array([-128, 0, 127]),
    new Uint8Array([0, 255]),
    new Uint8ClampedArray([0, 255]),
    new Int16Array([-32768, 32767]),
    new Uint16Array([65535]),
    new Int32Array([-(2 ** 31), 2 ** 31 - 1]),
    new Uint32Array([2 ** 32 - 1]),
    new Float32Array([1.5, -0, NaN, Infinity]),
    new Float64Array([Math.PI, -0, NaN, -Infinity]),
    new BigInt64Array([-(2n ** 63n), 2n ** 63n - 1n]),
    new BigUint64Array([2n ** 64n - 1n]),
  ])("%s", (view) => {
    const restored = roundTrip(view);
    expect(restored.constructor).toBe(view.constructor);
    expect(Buffer.from(restored.buffer).equals(Buffer.from(view.buffer))).toBe(true);
  });

  it("DataView with its offset and length on a shared buffer", () => {
    const buffer = new ArrayBuffer(12);
    const view = new DataView(buffer, 2, 8);
    view.setFloat64(0, 2.5, true);
    const restored = roundTrip({ view, floats: new Float32Array(buffer, 4, 2) });
    expect(restored.view).toBeInstanceOf(DataView);
    expect(restored.view.byteOffset).toBe(2);
    expect(restored.view.byteLength).toBe(8);
    expect(restored.view.getFloat64(0, true)).toBe(2.5);
    expect(restored.floats.buffer).toBe(restored.view.buffer);
  });

  it("boxed primitives", () => {
    const restored = roundTrip([
      new Number(-0),
      new Number(NaN),
      new String("box"),
      new Boolean(false),
      Object(12n),
      Object(Symbol.for("boxed")),
    ] as object[]);
    expect(Object.is(restored[0]!.valueOf(), -0)).toBe(true);
    expect(restored[1]!.valueOf()).toBeNaN();
    expect(restored[2]).toBeInstanceOf(String);
    expect(restored[2]!.valueOf()).toBe("box");
    expect(restored[3]).toBeInstanceOf(Boolean);
    expect(restored[3]!.valueOf()).toBe(false);
    expect(typeof restored[4]).toBe("object");
    expect(restored[4]!.valueOf()).toBe(12n);
    expect(restored[5]!.valueOf()).toBe(Symbol.for("boxed"));
  });
});

describe("errors", () => {
  it.each([Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError])("%s", (ErrorClass) => {
    const error = new ErrorClass("broken");
    const restored = roundTrip(error);
    expect(restored).toBeInstanceOf(ErrorClass);
    expect(Object.getPrototypeOf(restored)).toBe(ErrorClass.prototype);
    expect(restored.message).toBe("broken");
    expect(restored.stack).toBe(error.stack);
    expect(restored.name).toBe(error.name);
  });

  it("keeps cause only when it is an own property, and extra properties", () => {
    const withCause = Object.assign(new Error("outer", { cause: { code: 7 } }), { status: 500 });
    const restored = roundTrip(withCause);
    expect(restored.cause).toEqual({ code: 7 });
    expect(restored.status).toBe(500);
    expect(Object.getOwnPropertyDescriptor(restored, "cause")?.enumerable).toBe(false);
    expect(Object.getOwnPropertyDescriptor(restored, "message")?.enumerable).toBe(false);
    expect(Object.getOwnPropertyDescriptor(restored, "status")?.enumerable).toBe(true);
    expect(Object.hasOwn(roundTrip(new Error("no cause")), "cause")).toBe(false);
    expect(Object.hasOwn(roundTrip(new Error("undefined cause", { cause: undefined })), "cause")).toBe(true);
  });

  it("keeps an own name and a missing message or stack", () => {
    const error = new TypeError();
    error.name = "CustomName";
    delete error.stack;
    const restored = roundTrip(error);
    expect(restored.name).toBe("CustomName");
    expect(Object.hasOwn(restored, "message")).toBe(false);
    expect(Object.hasOwn(restored, "stack")).toBe(false);
  });

  it("AggregateError with its errors", () => {
    const inner = new RangeError("inner");
    const error = new AggregateError([inner, "plain"], "several");
    const restored = roundTrip({ error, inner });
    expect(restored.error).toBeInstanceOf(AggregateError);
    expect(restored.error.message).toBe("several");
    expect(restored.error.errors).toHaveLength(2);
    expect(restored.error.errors[0]).toBe(restored.inner);
    expect(restored.error.errors[1]).toBe("plain");
  });
});

describe("extension records", () => {
  it("a fields record keeps its class and fields", () => {
    const restored = roundTrip(new Point(1, [2]));
    expect(restored).toBeInstanceOf(Point);
    expect(restored.x).toBe(1);
    expect(restored.y).toEqual([2]);
  });

  it("a fields record in a cycle with plain objects", () => {
    const owner: Record<string, unknown> = { name: "owner" };
    const point = new Point(owner, null);
    owner.point = point;
    owner.points = [point, point];
    const restored = roundTrip(owner);
    const restoredPoint = restored.point as Point;
    expect(restoredPoint).toBeInstanceOf(Point);
    expect(restoredPoint.x).toBe(restored);
    expect((restored.points as Point[])[1]).toBe(restoredPoint);
  });

  it("a permanent value comes back by identity", () => {
    const restored = roundTrip({ f: registeredFunction, g: registeredFunction });
    expect(restored.f).toBe(registeredFunction);
    expect(encodeGraph(registeredFunction, fakeExtension).graph.values).toEqual([["permanent", "fn:registered"]]);
  });

  it("a data record is loaded once everything its data reaches is complete", () => {
    const point = new Point(3, 4);
    const handle = new Handle({ point, list: [point] });
    // point refers to the handle too: fields records may point at data records.
    const owner = { handle, other: new Point(handle, 0) };
    const restored = roundTrip(owner);
    expect(restored.handle).toBeInstanceOf(Handle);
    expect(restored.handle.loadedFrom).toBe('{"point":{"x":3,"y":4},"list":["[seen]"]}');
    expect((restored.other as Point).x).toBe(restored.handle);
  });

  it("nested data records load inner first", () => {
    const inner = new Handle("inner spec");
    const outer = new Handle({ inner });
    const restored = roundTrip([outer, inner]);
    expect(restored[0]!.loadedFrom).toBe('{"inner":{"spec":"inner spec","loadedFrom":"\\"inner spec\\""}}');
    expect((restored[0]!.spec as { inner: Handle }).inner).toBe(restored[1]);
  });

  it("a data record as the root", () => {
    expect(roundTrip(new Handle(5)).spec).toBe(5);
  });

  it("a fields record whose field refers to a data record in a cycle through shells", () => {
    const a = new Point(null, null);
    const b = new Point(a, null);
    a.x = b;
    const handle = new Handle(a);
    a.y = "no cycle through the handle";
    const restored = roundTrip({ handle, a });
    expect((restored.handle.spec as Point).x).toBeInstanceOf(Point);
    expect(((restored.handle.spec as Point).x as Point).x).toBe(restored.a);
  });

  it("frames with labels round-trip", () => {
    const frame = new Frame("main", { i: 3, acc: [1, 2] });
    const restored = roundTrip(frame);
    expect(restored.locals).toEqual({ i: 3, acc: [1, 2] });
  });
});

describe("deep graphs", () => {
  it("a 200,000-node linked list, both directions", () => {
    type Node = { next: Node | null; prev: Node | null; n: number };
    const head: Node = { next: null, prev: null, n: 0 };
    let tail = head;
    for (let n = 1; n < 200_000; n++) {
      const node: Node = { next: null, prev: tail, n };
      tail.next = node;
      tail = node;
    }
    const restored = roundTrip(head);
    let node = restored;
    let count = 1;
    let linksBack = true;
    while (node.next !== null) {
      linksBack &&= node.next.prev === node;
      node = node.next;
      count++;
    }
    expect(linksBack).toBe(true);
    expect(count).toBe(200_000);
    expect(node.n).toBe(199_999);
  });

  it("a 200,000-deep nest of arrays and Maps", () => {
    let value: unknown = "bottom";
    for (let depth = 0; depth < 200_000; depth++) value = depth % 2 === 0 ? [value] : new Map([["m", value]]);
    let restored = roundTrip(value);
    for (let depth = 200_000 - 1; depth >= 0; depth--) {
      restored = depth % 2 === 0 ? (restored as unknown[])[0] : (restored as Map<string, unknown>).get("m");
    }
    expect(restored).toBe("bottom");
  });
});

describe("format", () => {
  it("is plain JSON with the documented shape", () => {
    const { graph } = encodeAsJson({ a: [1, undefined], m: new Map([[1, 2]]) });
    expect(graph).toEqual({
      values: [["Object", "a", [1], "m", [2]], ["Array", 1, [3]], ["Map", 1, 2], ["undefined"]],
      root: [0],
    });
  });

  it("writes the key list of plain objects that share one once, as a shape", () => {
    const records = Array.from({ length: 16 }, (_, i) => ({ x: i, y: [i] }));
    const { graph } = encodeAsJson([...records, { x: 5 }, { ["a\u0000"]: 1, b: 2 }, { ["a\u0000"]: 3, b: 4 }, { a: 5, ["\u0000b"]: 6 }]);
    expect(graph.shapes).toEqual([
      ["x", "y"],
      ["a\u0000", "b"],
    ]);
    const entries = graph.values.filter((entry) => entry[0] !== "Array");
    expect(entries.slice(0, 2)).toEqual([
      [0, 0, [expect.any(Number)]],
      [0, 1, [expect.any(Number)]],
    ]);
    expect(entries.slice(-4)).toEqual([
      ["Object", "x", 5],
      [1, 1, 2],
      [1, 3, 4],
      // A key list no other object has: it stays keyed, even though its keys joined with "\u0000" would read like the shape's.
      ["Object", "a", 5, "\u0000b", 6],
    ]);
    expect(roundTrip(records)).toEqual(records);
  });

  it("keeps the objects of a graph with few of them keyed", () => {
    expect(encodeAsJson([{ a: 1 }, { a: 2 }]).graph.shapes).toBeUndefined();
  });
});
