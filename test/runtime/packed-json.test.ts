import { decode as referenceDecode, encode as referenceEncode } from "@msgpack/msgpack";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CorruptSnapshotError } from "../../runtime/errors.js";
import { packJson, unpackJson } from "../../runtime/packed-json.js";

/** JSON data with the values a graph carries: -0, numbers past 32 bits, long strings and arrays, and `strings`. */
const jsonDataWith = (strings: fc.Arbitrary<string>[]) =>
  fc.jsonValue({
    maxDepth: 4,
    values: [
      ...strings,
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: -(2 ** 31) - 5, max: 2 ** 32 + 5 }),
      fc.maxSafeInteger(),
      fc.constantFrom(0, -0, 127, 128, -32, -33, 255, 256, 65535, 65536, -129, -32769, 2 ** 53 - 1),
      fc.boolean(),
      fc.constant(null),
    ],
  });
const wellFormedStrings = [fc.string({ unit: "grapheme", maxLength: 40 }), fc.string({ maxLength: 300 })];
/** With lone surrogates too ("binary" strings). */
const jsonData = jsonDataWith([...wellFormedStrings, fc.string({ unit: "binary", maxLength: 300 })]);

const bytes = (...values: number[]) => Uint8Array.from(values);
const copy = (packed: Uint8Array) => Uint8Array.from(packed);

describe("packJson / unpackJson: JSON data as MessagePack", () => {
  it("gives back what JSON.parse(JSON.stringify(value)) gives", () => {
    fc.assert(
      fc.property(jsonData, (value) => {
        expect(unpackJson(copy(packJson(value)))).toStrictEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 2000, seed: 31 },
    );
  });

  it("changes what JSON.stringify changes: undefined properties dropped, undefined and non-finite numbers in arrays become null", () => {
    const value = { kept: 1, dropped: undefined, list: [undefined, NaN, Infinity, -Infinity, -0] };
    expect(unpackJson(copy(packJson(value)))).toStrictEqual(JSON.parse(JSON.stringify(value)));
  });

  it("is standard MessagePack: @msgpack/msgpack reads what it writes, and it reads what @msgpack/msgpack writes", () => {
    fc.assert(
      fc.property(jsonDataWith(wellFormedStrings), (value) => {
        const expected = JSON.parse(JSON.stringify(value));
        expect(referenceDecode(copy(packJson(value)))).toStrictEqual(expected);
        expect(unpackJson(referenceEncode(expected))).toStrictEqual(expected);
      }),
      { numRuns: 1000, seed: 32 },
    );
  });

  it("keeps lone surrogates, which UTF-8 cannot hold, as UTF-16 in extension type 1", () => {
    for (const text of ["\ud800", "a\udc00b", "\ud83d", "x".repeat(40) + "\udfff", "\ud800".repeat(200)]) {
      const packed = copy(packJson(text));
      expect(unpackJson(packed)).toBe(text);
      const extension = referenceDecode(packed) as { type: number; data: Uint8Array };
      expect(extension.type).toBe(1);
    }
  });

  it("tells apart short strings whose bytes hash alike (the unpacker's string cache)", () => {
    // "Aa" and "BB" have the same multiply-by-31 hash.
    expect(unpackJson(copy(packJson(["Aa", "BB", "Aa", "BB"])))).toEqual(["Aa", "BB", "Aa", "BB"]);
  });

  it("writes the smallest form", () => {
    expect([...packJson(5)]).toEqual([0x05]);
    expect([...packJson(-1)]).toEqual([0xff]);
    expect([...packJson(200)]).toEqual([0xcc, 200]);
    expect([...packJson(-200)]).toEqual([0xd1, 0xff, 0x38]);
    expect([...packJson("ab")]).toEqual([0xa2, 0x61, 0x62]);
    expect([...packJson([true, false, null])]).toEqual([0x93, 0xc3, 0xc2, 0xc0]);
    expect([...packJson({ a: 1 })]).toEqual([0x81, 0xa1, 0x61, 0x01]);
    expect([...packJson(0.5)]).toEqual([0xcb, 0x3f, 0xe0, 0, 0, 0, 0, 0, 0]);
  });

  it('makes "__proto__" an own property, as JSON.parse does, and never sets a prototype', () => {
    const packed = bytes(0x81, 0xa9, ...Buffer.from("__proto__"), 0x81, 0xa8, ...Buffer.from("polluted"), 0xc3);
    const value = unpackJson(packed) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__"]);
    expect(value).toStrictEqual(JSON.parse('{"__proto__":{"polluted":true}}'));
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("refuses what JSON data cannot be, with CorruptSnapshotError", () => {
    const refusals: Array<[Uint8Array, RegExp]> = [
      [bytes(0xc4, 1, 0), /type 0xc4, which a graph never holds/], // bin 8
      [bytes(0xd4, 7, 0), /extension type 7 of 1 bytes; a graph holds only type 1/],
      [bytes(0xd4, 1, 0), /extension type 1 of 1 bytes/], // UTF-16 of an odd length
      [bytes(0xc1), /type 0xc1/], // never used
      [bytes(0xcb, 0x7f, 0xf8, 0, 0, 0, 0, 0, 0), /is NaN, which JSON cannot hold/],
      [bytes(0xcb, 0x7f, 0xf0, 0, 0, 0, 0, 0, 0), /is Infinity/],
      [bytes(0xcf, 0, 0x20, 0, 0, 0, 0, 0, 0), /beyond 2\^53/],
      [bytes(0x81, 0x01, 0x02), /a map key before byte \d+ is not a string/],
      [bytes(0x92, 0x01), /ends inside a value at byte 1; was it truncated/], // 2 elements claimed, 1 byte left
      [bytes(0xa5, 0x61), /ends inside a value/],
      [bytes(0xdd, 0xff, 0xff, 0xff, 0xff), /ends inside a value/], // 4 billion elements claimed, none there
      [bytes(0xdf, 0x7f, 0xff, 0xff, 0xff, 0xc0), /ends inside a value/],
      [bytes(0x01, 0x02), /1 bytes follow its end/],
      [bytes(), /ends inside a value at byte 0/],
      [bytes(...new Array(17).fill(0x91), 0x01), /nests deeper than 16 levels/],
    ];
    for (const [packed, message] of refusals) {
      expect(() => unpackJson(packed), message.source).toThrowError(CorruptSnapshotError);
      expect(() => unpackJson(packed)).toThrowError(message);
    }
  });

  it("packs no deeper than it unpacks", () => {
    let deep: unknown = 1;
    for (let level = 0; level < 17; level++) deep = [deep];
    expect(() => packJson(deep)).toThrowError("packJson: the value nests deeper than 16 levels");
  });

  it("reads 64-bit integers that JSON's numbers hold exactly", () => {
    expect(unpackJson(bytes(0xcf, 0, 0x1f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff))).toBe(2 ** 53 - 1);
    expect(unpackJson(bytes(0xd3, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe))).toBe(-2);
    expect(unpackJson(bytes(0xca, 0x3f, 0xc0, 0, 0))).toBe(1.5); // float32
  });

  it("never throws anything but CorruptSnapshotError on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (input) => {
        try {
          unpackJson(input);
        } catch (error) {
          expect(error).toBeInstanceOf(CorruptSnapshotError);
        }
      }),
      { numRuns: 5000, seed: 33 },
    );
  });
});
