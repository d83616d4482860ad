import { describe, expect, it } from "vitest";
import { CorruptSnapshotError, SnapshotError, UnknownFunctionError } from "../../runtime/errors.js";
import { decodeGraph, type DecodeLimits } from "../../runtime/codec/decode.js";
import type { Extension } from "../../runtime/codec/extension.js";
import { Handle, Point, encodeAsJson, fakeExtension, limits } from "./fake-extension.js";

function decodeError(graph: unknown, decodeLimits: DecodeLimits = limits, ext: Extension = fakeExtension): Error {
  try {
    decodeGraph(graph, ext, decodeLimits);
  } catch (error) {
    expect(error).toBeInstanceOf(CorruptSnapshotError);
    return error as Error;
  }
  throw new Error("expected decodeGraph to throw");
}

/** A graph of one entry, referred to by the root. */
function single(entry: unknown): unknown {
  return { values: [entry], root: [0] };
}

describe("graph shape", () => {
  it.each([null, 5, "text", [], {}, { values: [] }, { root: 1 }, { values: {}, root: 1 }, { values: "[]", root: 1 }])(
    "rejects %j",
    (graph) => {
      expect(decodeError(graph).message).toMatch(/^snapshot: /);
    },
  );

  it("rejects an entry that is not a tagged array", () => {
    expect(decodeError({ values: [5], root: [0] }).message).toBe("snapshot values[0]: an entry must be an array that starts with its tag");
    expect(decodeError({ values: [[]], root: [0] }).message).toMatch(/must be an array that starts with its tag/);
    expect(decodeError({ values: [[true, "x"]], root: [0] }).message).toMatch(/must be an array that starts with its tag/);
  });

  it("rejects a plain object whose shape does not exist or does not fit", () => {
    expect(decodeError({ values: [[7, "x"]], root: [0] }).message).toBe(
      "snapshot values[0] (Object): [0] must be a tag or the index of a shape (the snapshot has 0)",
    );
    expect(decodeError({ values: [[0, "x"]], root: [0], shapes: [["a", "b"]] }).message).toBe(
      "snapshot values[0] (Object): expected 3 items for shape 0, found 2",
    );
    expect(decodeError({ values: [[0.5]], root: [0], shapes: [[]] }).message).toMatch(/must be a tag or the index of a shape/);
    expect(decodeError({ values: [], root: 1, shapes: [["a", 5]] }).message).toBe(
      "snapshot: shapes[0] must be a list of keys (strings of at most Infinity characters)",
    );
    expect(decodeError({ values: [], root: 1, shapes: {} }).message).toBe("snapshot: `shapes` is not an array");
  });

  it("keeps a __proto__ key of a shape as an own data property", () => {
    const restored = decodeGraph({ values: [[0, 1]], root: [0], shapes: [["__proto__"]] }, fakeExtension, limits) as object;
    expect(Object.getPrototypeOf(restored)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(restored, "__proto__")?.value).toBe(1);
  });

  it("rejects an unknown tag, including names of globals", () => {
    expect(decodeError(single(["Nope"])).message).toBe("snapshot values[0] (Nope): unknown tag");
    for (const tag of ["Function", "Promise", "WeakMap", "SharedArrayBuffer", "__proto__", "constructor", "toString"]) {
      expect(decodeError(single([tag, 1])).message).toMatch(/unknown tag$/);
    }
  });
});

describe("references", () => {
  it("rejects an index past the end", () => {
    expect(decodeError({ values: [["Map", 1, [9999]]], root: [0] }).message).toBe(
      "snapshot values[0] (Map): [2] refers to values[9999], which does not exist",
    );
    expect(decodeError({ values: [], root: [0] }).message).toBe("snapshot: the root refers to values[0], which does not exist");
  });

  it.each([[[-1]], [[1.5]], [["0"]], [[0, 1]], [[]], [[null]], [{}], [[[0]]]])("rejects the slot %j", (slot) => {
    expect(decodeError({ values: [["Array", slot]], root: [0] }).message).toMatch(
      /^snapshot values\[0\] \(Array\): \[1\] (is not a valid (value|reference)|refers to values\[-1\], which does not exist)$/,
    );
  });

  it("rejects a truncated values array", () => {
    const graph = encodeAsJson({ a: { b: { c: [1, 2, 3] } } }).graph;
    graph.values.length = 2;
    expect(decodeError(graph).message).toBe("snapshot values[1] (Object): [2] refers to values[2], which does not exist");
  });

  it("rejects a view whose buffer is not an ArrayBuffer", () => {
    const graph = { values: [["Uint8Array", [1], 0, 0], ["Object"]], root: [0] };
    expect(decodeError(graph).message).toBe("snapshot values[0] (Uint8Array): [1] must refer to an ArrayBuffer, but values[1] is not one");
  });
});

describe("wrong shapes and types", () => {
  it.each([
    [["Object", 5, 1], "snapshot values[0] (Object): [1] must be a string"],
    [["Object", "a"], "snapshot values[0] (Object): expected pairs after item 0, found 2 items"],
    [["Map", 1], "snapshot values[0] (Map): expected pairs after item 0, found 2 items"],
    [["Date", "yesterday"], 'snapshot values[0] (Date): [1] must be a number or one of "NaN", "Infinity", "-Infinity", "-0"'],
    [["Date"], "snapshot values[0] (Date): expected 2 items, found 1"],
    [["number", "nan"], 'snapshot values[0] (number): [1] must be a number or one of "NaN", "Infinity", "-Infinity", "-0"'],
    [["bigint", "0x1f"], "snapshot values[0] (bigint): [1] must be a BigInt in lowercase hexadecimal"],
    [["bigint", "-"], "snapshot values[0] (bigint): [1] must be a BigInt in lowercase hexadecimal"],
    [["bigint", 5], "snapshot values[0] (bigint): [1] must be a string"],
    [["symbol", null], "snapshot values[0] (symbol): [1] must be a string"],
    [["Boolean", "true"], "snapshot values[0] (Boolean): [1] must be true or false"],
    [["RegExp", "(", "", 0], 'snapshot values[0] (RegExp): invalid regular expression "(" with flags ""'],
    [["RegExp", "a", "gg", 0], 'snapshot values[0] (RegExp): invalid regular expression "a" with flags "gg"'],
    [["SparseArray", 5, 3, 1, 2, 1], "snapshot values[0] (SparseArray): [4] must be an index above 3 and below the length 5"],
    [["SparseArray", 5, 5, 1], "snapshot values[0] (SparseArray): [2] must be an index above -1 and below the length 5"],
    [["SparseArray", -1], "snapshot values[0] (SparseArray): [1] must be an integer from 0 to 4294967295"],
    [["fields", 5, null], "snapshot values[0] (fields): [1] must be a string"],
    [["fields", "Point", 7], "snapshot values[0] (fields): [2] must be a string"],
    [["data", "Handle", null], "snapshot values[0] (data): expected 4 items, found 3"],
    [["permanent", 1], "snapshot values[0] (permanent): [1] must be a string"],
    [["TypeError", "message"], "snapshot values[0] (TypeError): expected pairs after item 0, found 2 items"],
    [["Error", ["x"], 1], "snapshot values[0] (Error): [1] must be a string"],
    [["Array", { a: 1 }], "snapshot values[0] (Array): [1] is not a valid value"],
  ])("%j", (entry, message) => {
    expect(decodeError(single(entry)).message).toBe(message);
  });
});

describe("lengths and limits", () => {
  it("rejects huge declared lengths without allocating", () => {
    expect(decodeError(single(["SparseArray", 1e15])).message).toBe(
      "snapshot values[0] (SparseArray): [1] must be an integer from 0 to 4294967295",
    );
    expect(decodeError(single(["SparseArray", 1000]), { maxValues: 10, maxArrayLength: 100 }).message).toBe(
      "snapshot values[0] (SparseArray): [1] must be an integer from 0 to 100",
    );
    expect(decodeError(single(["Array", 1, 2, 3]), { maxValues: 10, maxArrayLength: 2 }).message).toBe(
      "snapshot values[0] (Array): 3 elements, more than the limit of 2",
    );
    const buffer = ["ArrayBuffer", "AAAAAAAA"];
    expect(decodeError({ values: [["Float64Array", [1], 0, 1e15], buffer], root: [0] }).message).toBe(
      "snapshot values[0] (Float64Array): a view of 1000000000000000 × 8 bytes at byte 0 does not fit its buffer values[1] of 6 bytes",
    );
    expect(decodeError(single(buffer), { maxValues: 10, maxByteLength: 5 }).message).toBe(
      "snapshot values[0] (ArrayBuffer): 6 bytes, more than the limit of 5",
    );
  });

  it("rejects views that do not fit their buffer", () => {
    const buffer = ["ArrayBuffer", "AAAAAAAAAAA="]; // 8 bytes
    const view = (entry: unknown[]) => decodeError({ values: [entry, buffer], root: [0] }).message;
    expect(view(["Uint32Array", [1], 4, 2])).toBe(
      "snapshot values[0] (Uint32Array): a view of 2 × 4 bytes at byte 4 does not fit its buffer values[1] of 8 bytes",
    );
    expect(view(["Uint32Array", [1], 2, 1])).toMatch(/a view of 1 × 4 bytes at byte 2 does not fit/);
    expect(view(["DataView", [1], 9, 0])).toMatch(/a view of 0 × 1 bytes at byte 9 does not fit/);
    expect(view(["DataView", [1], 0, -1])).toBe("snapshot values[0] (DataView): [3] must be an integer from 0 to 9007199254740991");
    expect(view(["Int16Array", [1], 0.5, 1])).toMatch(/\[2\] must be an integer/);
    expect(view(["Int16Array", "AAAA", 0, 1])).toBe("snapshot values[0] (Int16Array): [1] must be a reference [index]");
  });

  it("accepts a view that exactly fits", () => {
    const graph = {
      values: [
        ["Uint32Array", [1], 4, 1],
        ["ArrayBuffer", "AAAAAAEAAAA="],
      ],
      root: [0],
    };
    expect([...(decodeGraph(graph, fakeExtension, limits) as Uint32Array)]).toEqual([1]);
  });

  it("enforces maxValues and maxStringLength", () => {
    const graph = encodeAsJson([{}, {}, {}]).graph;
    expect(decodeError(graph, { maxValues: 3 }).message).toBe("snapshot: 4 values, more than the limit of 3");
    expect(decodeError(encodeAsJson({ long: "x".repeat(11) }).graph, { maxValues: 10, maxStringLength: 10 }).message).toBe(
      "snapshot values[0] (Object): [2] is a string of 11 characters, more than the limit of 10",
    );
    expect(decodeError(encodeAsJson({ ["k".repeat(11)]: 1 }).graph, { maxValues: 10, maxStringLength: 10 }).message).toBe(
      "snapshot values[0] (Object): [1] is a string of 11 characters, more than the limit of 10",
    );
    expect(decodeError({ values: [], root: "x".repeat(11) }, { maxValues: 10, maxStringLength: 10 }).message).toBe(
      "snapshot: the root is a string of 11 characters, more than the limit of 10",
    );
  });
});

describe("base64", () => {
  it.each(["QU!D", "QUJ", "QU JD", "QQ=A", "====", "Q===", "QUJ\u00e9", "=QUJ"])("rejects %j inline (format version 1)", (text) => {
    expect(decodeError(single(["ArrayBuffer", text])).message).toMatch(
      /^snapshot values\[0\] \(ArrayBuffer\): \[1\] (is not valid base64|must be base64 text)$/,
    );
  });

  it.each(["QU!D", "QUJ", "QQ=A"])("rejects %j as an attachment", (text) => {
    expect(() => decodeGraph(single(["ArrayBuffer", 0]), fakeExtension, limits, [text])).toThrow(
      /^snapshot values\[0\] \(ArrayBuffer\): attachment 0 (is not valid base64|must be base64 text)$/,
    );
  });
});

describe("attachments", () => {
  const bytes = Uint8Array.of(1, 2, 3);
  const attempt =
    (graph: unknown, attachments: (string | Uint8Array)[], extra: Partial<DecodeLimits> = {}) =>
    () =>
      decodeGraph(graph, fakeExtension, { ...limits, ...extra }, attachments);

  it("copies an attachment's bytes into a new buffer", () => {
    const restored = decodeGraph(single(["ArrayBuffer", 0]), fakeExtension, limits, [bytes]) as ArrayBuffer;
    expect([...new Uint8Array(restored)]).toEqual([1, 2, 3]);
    expect(restored).not.toBe(bytes.buffer);
    bytes[0] = 9;
    expect(new Uint8Array(restored)[0]).toBe(1);
    bytes[0] = 1;
  });

  it("refuses a reference to a missing attachment", () => {
    expect(attempt(single(["ArrayBuffer", 0]), [])).toThrow(
      "snapshot values[0] (ArrayBuffer): [1] refers to an attachment, but the snapshot has none",
    );
    expect(attempt(single(["ArrayBuffer", 1]), [bytes])).toThrow("snapshot values[0] (ArrayBuffer): [1] must be an integer from 0 to 0");
    expect(attempt(single(["ArrayBuffer", 5]), [])).toThrow(CorruptSnapshotError);
    expect(attempt(single(["ArrayBuffer", -1]), [bytes])).toThrow(CorruptSnapshotError);
    expect(attempt(single(["ArrayBuffer", null]), [bytes])).toThrow(CorruptSnapshotError);
  });

  it("refuses two buffers made from one attachment (a small blob must not make many copies of a large buffer)", () => {
    const graph = {
      values: [
        ["Array", [1], [2]],
        ["ArrayBuffer", 0],
        ["ArrayBuffer", 0],
      ],
      root: [0],
    };
    expect(attempt(graph, [bytes])).toThrow("snapshot values[2] (ArrayBuffer): attachment 0 is already the bytes of another value");
  });

  it("refuses a NumberArray that is not whole float64 elements, or longer than the limit", () => {
    expect(attempt(single(["NumberArray", 0]), [Uint8Array.of(1, 2, 3)])).toThrow(
      "snapshot values[0] (NumberArray): 3 bytes is not a whole number of float64 elements",
    );
    expect(attempt(single(["NumberArray", 0]), [new Uint8Array(16)], { maxArrayLength: 1 })).toThrow(
      "snapshot values[0] (NumberArray): 2 elements, more than the limit of 1",
    );
    expect(decodeGraph(single(["NumberArray", 0]), fakeExtension, limits, [new Uint8Array(16)])).toEqual([0, 0]);
    // Bytes that do not start at a multiple of 8 (a view into a larger buffer) are read too.
    const misaligned = new Uint8Array(new ArrayBuffer(17), 1, 16);
    new DataView(misaligned.buffer).setFloat64(1, 1.5, true);
    expect(decodeGraph(single(["NumberArray", 0]), fakeExtension, limits, [misaligned])).toEqual([1.5, 0]);
    const twice = {
      values: [
        ["Array", [1], [2]],
        ["NumberArray", 0],
        ["ArrayBuffer", 0],
      ],
      root: [0],
    };
    expect(attempt(twice, [new Uint8Array(8)])).toThrow(
      "snapshot values[2] (ArrayBuffer): attachment 0 is already the bytes of another value",
    );
  });

  it("applies maxByteLength to attachments", () => {
    expect(attempt(single(["ArrayBuffer", 0]), [bytes], { maxByteLength: 2 })).toThrow(
      "snapshot values[0] (ArrayBuffer): 3 bytes, more than the limit of 2",
    );
    expect(attempt(single(["ArrayBuffer", 0]), ["AQID"], { maxByteLength: 2 })).toThrow(
      "snapshot values[0] (ArrayBuffer): 3 bytes, more than the limit of 2",
    );
  });

  it("accepts every padding length", () => {
    for (const bytes of [[], [1], [1, 2], [1, 2, 3], [1, 2, 3, 4]]) {
      const text = Buffer.from(bytes).toString("base64");
      expect([...new Uint8Array(decodeGraph(single(["ArrayBuffer", text]), fakeExtension, limits) as ArrayBuffer)]).toEqual(bytes);
    }
  });
});

describe("data records", () => {
  it("rejects a data record whose data refers to itself", () => {
    expect(decodeError(single(["data", "Handle", null, [0]])).message).toBe(
      "snapshot values[0] (data): its data refers back to it, but a data record can only be built once its data is complete",
    );
  });

  it("rejects a cycle that passes through shells and other data records", () => {
    const graph = {
      values: [
        ["Object", "h", [1]],
        ["data", "Handle", null, [2]],
        ["fields", "Point", null, "x", [3], "y", 0],
        ["data", "Handle", null, [4]],
        ["Array", [1]],
      ],
      root: [0],
    };
    expect(decodeError(graph).message).toMatch(/^snapshot values\[[13]\] \(data\): its data refers back to it/);
  });

  it("rejects a cycle that the walk enters through a plain object", () => {
    // values[0] is outside the cycle and reaches it through values[1], not through the data record.
    const graph = {
      values: [
        ["data", "Handle", null, [1]],
        ["Object", "d", [2]],
        ["data", "Handle", null, [3]],
        ["Array", [1]],
      ],
      root: [0],
    };
    expect(decodeError(graph).message).toBe(
      "snapshot values[2] (data): its data refers back to it, but a data record can only be built once its data is complete",
    );
  });

  it("does not call load for a record on a cycle", () => {
    let loads = 0;
    const ext = { ...fakeExtension, load: (type: string, data: unknown, path: string) => (loads++, fakeExtension.load(type, data, path)) };
    decodeError(
      {
        values: [
          ["data", "Handle", null, [1]],
          ["Object", "back", [0]],
        ],
        root: [0],
      },
      limits,
      ext,
    );
    expect(loads).toBe(0);
  });
});

describe("extension failures", () => {
  it("lets the extension's own SnapshotErrors through unchanged", () => {
    expect(decodeError(single(["fields", "Unknown", "frame label"])).message).toBe(
      'snapshot values[0] (frame label): unknown type "Unknown"',
    );
    const unknownFunction = new UnknownFunctionError("mod#fn");
    const ext = {
      ...fakeExtension,
      lookupPermanent: () => {
        throw unknownFunction;
      },
    };
    expect(() => decodeGraph(single(["permanent", "mod#fn"]), ext, limits)).toThrow(unknownFunction);
  });

  it("wraps anything else the extension throws, with the entry's path", () => {
    const ext = {
      ...fakeExtension,
      load: () => {
        throw new TypeError("bad data");
      },
    };
    const error = decodeError(single(["data", "Handle", "Handle", 1]), limits, ext);
    expect(error.message).toBe("snapshot values[0] (Handle): bad data");
    expect(error.cause).toBeInstanceOf(TypeError);
    const throwsString = {
      ...fakeExtension,
      fillShell: () => {
        throw "odd";
      },
    };
    expect(decodeError(single(["fields", "Point", null]), limits, throwsString).message).toBe('snapshot values[0] (fields "Point"): odd');
  });

  it("every error is a SnapshotError", () => {
    expect(decodeError(single(["Nope"]))).toBeInstanceOf(SnapshotError);
  });
});

describe("integrity levels", () => {
  it("rejects a level on a record the encoder never marks, and one the object cannot take, naming the item", () => {
    const frozenFrame = { values: [["fields", "Frame", null, "x", 1]], root: [0], integrity: [[0, "frozen"]] };
    expect(decodeError(frozenFrame).message).toBe("snapshot: integrity[0] names a fields record, which is never frozen or sealed");
    const frozenHandle = { values: [["data", "Handle", null, "spec"]], root: [0], integrity: [[0, "sealed"]] };
    expect(decodeError(frozenHandle).message).toBe("snapshot: integrity[0] names a data record, which is never frozen or sealed");
    // A typed array with elements cannot be frozen: the engine's TypeError becomes the named error.
    const frozenBytes = {
      values: [
        ["Uint8Array", [1], 0, 2],
        ["ArrayBuffer", 0],
      ],
      root: [0],
      integrity: [[0, "frozen"]],
    };
    expect(() => decodeGraph(frozenBytes, fakeExtension, limits, [new Uint8Array(2)])).toThrowError(CorruptSnapshotError);
    expect(() => decodeGraph(frozenBytes, fakeExtension, limits, [new Uint8Array(2)])).toThrowError(
      /^snapshot: integrity\[0\] cannot be applied \(/,
    );
  });
});

describe("safety", () => {
  it("never lets __proto__ set a prototype, in objects, fields and errors", () => {
    const graph = {
      values: [
        ["Array", [1], [2], [3], [4]],
        ["Object", "__proto__", [5]],
        ["fields", "Point", null, "__proto__", [5], "x", 1],
        ["Error", "__proto__", [5], "message", "m"],
        ["NullProtoObject", "__proto__", [5]],
        ["Object", "polluted", true],
      ],
      root: [0],
    };
    const [object, point, error, nullProto] = decodeGraph(graph, fakeExtension, limits) as Record<string, unknown>[];
    expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
    expect(Object.hasOwn(object!, "__proto__")).toBe(true);
    expect(point).toBeInstanceOf(Point);
    expect(Object.getPrototypeOf(error)).toBe(Error.prototype);
    expect(Object.getPrototypeOf(nullProto)).toBe(null);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("builds Handle only through the extension", () => {
    const restored = decodeGraph(single(["data", "Handle", null, "spec"]), fakeExtension, limits);
    expect(restored).toBeInstanceOf(Handle);
  });
});
