import { describe, expect, it } from "vitest";
import { SnapshotError } from "../../runtime/errors.js";
import { encodeGraph } from "../../runtime/codec/encode.js";
import { FileHandle, Frame, Handle, Point, fakeExtension } from "./fake-extension.js";

function encodeError(value: unknown, rootLabel?: string): SnapshotError {
  try {
    encodeGraph(value, fakeExtension, rootLabel);
  } catch (error) {
    expect(error).toBeInstanceOf(SnapshotError);
    expect((error as Error).constructor).toBe(SnapshotError);
    return error as SnapshotError;
  }
  throw new Error("expected encodeGraph to throw");
}

describe("paths in encode errors", () => {
  it("names the path to a function inside nested objects and arrays", () => {
    const value = { config: { steps: [1, { run() {} }] } };
    expect(encodeError(value).message).toBe(
      'value › field "config" › field "steps" › [1] › field "run": function run is not serializable; register it with registerFunction()',
    );
  });

  it("names labelled records and their field labels, starting at the root's label", () => {
    const inner = new Frame("minibatches (src/train.ts:14)", { reader: { fd: new FileHandle() } });
    const main = new Frame("main (src/a.js:3)", { batches: inner });
    const message =
      'main (src/a.js:3) › local "batches" › minibatches (src/train.ts:14) › local "reader" › field "fd": ' +
      "FileHandle is not serializable; register it with registerClass()";
    expect(encodeError(main).message).toBe(message);
    // rootLabel names the root instead of its own label, so the root is not named twice.
    expect(encodeError(main, "main (src/a.js:3)").message).toBe(message);
    expect(encodeError(main, "gen").message).toMatch(/^gen › local "batches" › minibatches /);
    expect(encodeError({ main }).message).toMatch(/^value › field "main" › main \(src\/a\.js:3\) › local "batches" › /);
  });

  it("uses the plain field label for records without one", () => {
    expect(encodeError(new Point(0, new FileHandle())).message).toBe(
      'value › field "y": FileHandle is not serializable; register it with registerClass()',
    );
  });

  it("names Map keys, Map values and Set elements by position", () => {
    const fn = function task(): void {};
    expect(
      encodeError(
        new Map<unknown, unknown>([
          ["a", 1],
          [fn, 2],
        ]),
      ).message,
    ).toMatch(/^value › map key #1: function task/);
    expect(
      encodeError(
        new Map<string, unknown>([
          ["a", 1],
          ["b", fn],
        ]),
      ).message,
    ).toMatch(/^value › map value of key #1: function task/);
    expect(encodeError(new Set<unknown>([1, 2, fn])).message).toMatch(/^value › set element #2: function task/);
  });

  it("names sparse array indexes and a data record's label", () => {
    const sparse: unknown[] = [];
    sparse[70] = () => {};
    expect(encodeError({ sparse }).message).toMatch(/^value › field "sparse" › \[70\]: function/);
    expect(encodeError(new Handle({ fd: new FileHandle() })).message).toBe(
      'Handle › field "fd": FileHandle is not serializable; register it with registerClass()',
    );
  });

  it("names the root when the root itself fails", () => {
    expect(encodeError(new FileHandle(), "state").message).toBe("state: FileHandle is not serializable; register it with registerClass()");
  });

  it("quotes odd keys", () => {
    expect(encodeError({ 'say "hi"': Symbol("x") }).message).toMatch(/^value › field "say \\"hi\\"": /);
  });
});

describe("values that cannot be saved", () => {
  it("an unregistered symbol", () => {
    expect(encodeError({ s: Symbol("local") }).message).toBe(
      'value › field "s": Symbol(local) is not registered with Symbol.for(), so it could not be restored',
    );
    expect(encodeError(Symbol.iterator).message).toMatch(/^value: Symbol\(Symbol\.iterator\) is not registered/);
    expect(encodeError(Object(Symbol("boxed"))).message).toMatch(/^value: Symbol\(boxed\) is not registered/);
  });

  it("a getter, without calling it", () => {
    let called = false;
    const value = {
      inner: {
        plain: 1,
        get computed() {
          called = true;
          return 2;
        },
      },
    };
    expect(encodeError(value).message).toBe(
      'value › field "inner" › field "computed": a getter or setter cannot be saved (it is not called); only data properties can',
    );
    expect(called).toBe(false);
  });

  it("a setter alone, an accessor named __proto__ on a null-prototype object, and one that shadows a data property of the prototype", () => {
    const setterOnly = Object.defineProperty({}, "x", { set() {}, enumerable: true });
    expect(encodeError({ setterOnly }).message).toMatch(/^value › field "setterOnly" › field "x": a getter or setter/);
    const nullProto = Object.defineProperty(Object.create(null), "__proto__", { get: () => 1, enumerable: true });
    expect(encodeError(nullProto).message).toMatch(/^value › field "__proto__": a getter or setter/);
    // An own data property named like an Object.prototype accessor is data.
    const dataProto = JSON.parse('{"__proto__": 5}');
    expect(() => encodeGraph(dataProto, fakeExtension)).not.toThrow();
  });

  it("a setter on an error", () => {
    const error = new Error("e");
    Object.defineProperty(error, "code", { set() {}, enumerable: true });
    expect(encodeError(error).message).toMatch(/^value › field "code": a getter or setter/);
  });

  it("a symbol-keyed property", () => {
    expect(encodeError({ o: { [Symbol("meta")]: 1 } }).message).toBe(
      'value › field "o": property Symbol(meta) has a symbol key; only string keys can be saved',
    );
  });

  it("non-index properties on arrays", () => {
    expect(encodeError(/b/.exec("abc")).message).toBe('value: array property "index" cannot be saved; only an array\'s elements are');
    const sparse: unknown[] = [];
    sparse[3] = 1;
    Object.assign(sparse, { extra: true });
    expect(encodeError(sparse).message).toMatch(/array property "extra" cannot be saved/);
    // "01" names a property, not the element at 1.
    expect(encodeError(Object.assign([1, 2], { "01": true })).message).toMatch(/array property "01" cannot be saved/);
  });

  it("symbol-keyed and non-enumerable properties on arrays, dense, sparse or long", () => {
    const tagged = Object.assign([1, 2], { [Symbol.for("tag")]: 1 });
    expect(encodeError(tagged).message).toBe("value: array property Symbol(tag) cannot be saved; only an array's elements are");
    // Past ARRAY_PROPERTY_CHECK_LIMIT names are not listed (that lists every element), but symbols still are.
    const long = Object.assign(
      Array.from({ length: 5000 }, (_, i) => i),
      { [Symbol.for("tag")]: 1 },
    );
    expect(encodeError(long).message).toMatch(/array property Symbol\(tag\) cannot be saved/);
    const sparse: unknown[] = [];
    sparse[10] = 1;
    Object.defineProperty(sparse, "hidden", { value: 1, enumerable: false });
    expect(encodeError(sparse).message).toMatch(/array property "hidden" cannot be saved/);
    const sparseTagged: unknown[] = [];
    sparseTagged[10] = 1;
    Object.assign(sparseTagged, { [Symbol.for("tag")]: 1 });
    expect(encodeError(sparseTagged).message).toMatch(/array property Symbol\(tag\) cannot be saved/);
  });

  it("own properties on Maps and other built-ins", () => {
    expect(encodeError(Object.assign(new Map(), { meta: 1 })).message).toBe(
      'value: own property "meta" of a Map cannot be saved; only plain objects and errors keep their properties',
    );
    expect(encodeError(Object.assign(new Date(0), { tz: "UTC" })).message).toMatch(/own property "tz" of a Date/);
    expect(encodeError(Object.assign(new String("ab"), { x: 1 })).message).toMatch(/own property "x" of a String/);
  });

  it("symbol-keyed properties on Maps, Dates, boxed strings and typed arrays", () => {
    const tag = { [Symbol.for("tag")]: 1 };
    for (const value of [new Map(), new Date(0), new String("ab"), new Float64Array(4), new Uint8Array(5000)]) {
      expect(encodeError(Object.assign(value, tag)).message).toBe(
        "value: property Symbol(tag) has a symbol key; only string keys can be saved",
      );
    }
  });

  it("objects the codec does not know go to the extension", () => {
    class MyMap extends Map {}
    const cases: [unknown, RegExp][] = [
      [new MyMap(), /^value: MyMap is not serializable/],
      [new WeakMap(), /^value: WeakMap is not serializable/],
      [new WeakSet(), /^value: WeakSet is not serializable/],
      [Promise.resolve(), /^value: Promise is not serializable/],
      [new WeakRef({}), /^value: WeakRef is not serializable/],
      [(function* gen() {})(), /^value: object is not serializable/],
      [[1].values(), /^value: Object is not serializable/],
      [new Proxy({}, {}), /^value: Object is not serializable/],
      [new Proxy([], {}), /^value: Array is not serializable/],
      [Object.create(Map.prototype), /^value: Map is not serializable/],
      [Object.setPrototypeOf(new Float64Array(1), Uint8Array.prototype), /^value: Uint8Array is not serializable/],
      [
        (function (..._args: unknown[]) {
          return arguments;
        })(1, 2),
        /^value: Object is not serializable/,
      ],
      [class Local {}, /^value: function Local is not serializable/],
      [new Uint8Array(new SharedArrayBuffer(4)), /^value › field "buffer": SharedArrayBuffer is not serializable/],
      [new (ArrayBuffer as any)(4, { maxByteLength: 8 }), /^value: ArrayBuffer is not serializable/],
    ];
    for (const [value, message] of cases) expect(encodeError(value).message).toMatch(message);
  });

  it("a proxy's traps are not run", () => {
    const trapped: string[] = [];
    const proxy = new Proxy(
      { a: 1 },
      {
        get: (target, key) => (trapped.push(`get ${String(key)}`), Reflect.get(target, key)),
        ownKeys: (target) => (trapped.push("ownKeys"), Reflect.ownKeys(target)),
        getPrototypeOf: (target) => (trapped.push("getPrototypeOf"), Reflect.getPrototypeOf(target)),
        getOwnPropertyDescriptor: (target, key) => (trapped.push("descriptor"), Reflect.getOwnPropertyDescriptor(target, key)),
      },
    );
    // An extension that does not look at the proxy either (instanceof would run getPrototypeOf).
    const ext = { ...fakeExtension, describe: () => undefined, explainUnserializable: () => "a proxy is not serializable" };
    expect(() => encodeGraph({ proxy }, ext)).toThrow('value › field "proxy": a proxy is not serializable');
    expect(trapped).toEqual([]);
  });
});

describe("data records on a reference cycle", () => {
  it("refuses a data record whose data refers to itself", () => {
    const handle = new Handle(null);
    handle.spec = { again: handle };
    expect(encodeError({ handle }).message).toBe(
      'value › field "handle" › Handle: the data of this "Handle" value refers back to it, ' +
        "but a value rebuilt from its data cannot be part of a reference cycle",
    );
  });

  it("refuses a cycle through a fields record and another data record", () => {
    const handle = new Handle(null);
    const inner = new Handle(new Point(handle, 0));
    handle.spec = [inner];
    expect(encodeError(handle).message).toMatch(/refers back to it/);
  });

  it("refuses a cycle that the walk enters through a plain object", () => {
    const plain: Record<string, unknown> = {};
    const onCycle = new Handle([plain]);
    plain.d = onCycle;
    expect(encodeError(new Handle(plain)).message).toBe(
      'Handle › field "d" › Handle: the data of this "Handle" value refers back to it, ' +
        "but a value rebuilt from its data cannot be part of a reference cycle",
    );
  });

  it("accepts a fields record that both refers to and is reached from data records without a cycle", () => {
    const point = new Point(0, 0);
    const handle = new Handle(point);
    expect(() => encodeGraph({ handle, owner: new Point(handle, point) }, fakeExtension)).not.toThrow();
  });
});
