/**
 * snapshot, restore and fork on compiled generators: what survives, what is
 * refused and with which message.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import {
  CorruptSnapshotError,
  SignatureError,
  SnapshotError,
  UnknownFunctionError,
  VersionMismatchError,
  describe as describeBlob,
  fork,
  isResumable,
  registerClass,
  registerValue,
  restore,
  restoreValue,
  snapshot,
  snapshotValue,
} from "resumable-generators";
import { asVersion2Binary } from "../support/blobs.js";
import { importCompiled, projectRoot } from "../support/compile.js";

const fixture = (name: string) => join(projectRoot, "test", "fixtures", name);
const runtimeUrl = pathToFileURL(createRequire(import.meta.url).resolve("resumable-generators")).href;

/** Imports compiled code given as text, as a module of its own that uses the built runtime. */
function importCode(code: string): Promise<unknown> {
  return import(`data:text/javascript,${encodeURIComponent(code.replace(/"resumable-generators"/g, JSON.stringify(runtimeUrl)))}`);
}

type Gen = Generator<unknown, unknown, unknown>;
let mod: Record<string, (...args: any[]) => Gen> & Record<string, any>;

const SOURCE = `
export class Point {
  constructor(x, y) { this.x = x; this.y = y; }
  norm() { return Math.hypot(this.x, this.y); }
}
export class FileHandle { constructor(fd) { this.fd = fd; } }
export const scale = (v) => v * 2;

/* @resumable("test.minibatches") */
export function* minibatches(items, size) {
  let batch = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) { yield batch; batch = []; }
  }
  if (batch.length > 0) yield batch;
}

/* @resumable */
export function* train(data) {
  const batches = minibatches(data, 2);
  let step = 0;
  for (const b of batches) {
    step++;
    yield { step, b, batches };
  }
  return step;
}

/* @resumable */
export function* rich(seed) {
  const shared = { seed };
  const state = {
    shared, again: shared, map: new Map([[shared, "key is an object"]]), set: new Set([1, "two", 3n]),
    date: new Date(0), bad: new Date(NaN), re: /a+b/gi, bytes: new Float64Array([1.5, -0, NaN]),
    neg: -0, inf: -Infinity, big: 2n ** 70n, sym: Symbol.for("tag"), holes: [1, , 3], err: new TypeError("bad", { cause: "why" }),
    point: new Point(3, 4), fn: scale, nothing: undefined, proto: JSON.parse('{"__proto__": {"polluted": true}}'),
  };
  state.self = state;
  const got = yield state;
  return [got, state.point.norm(), state.fn(21), state.self === state, state.again === state.shared];
}

/* @resumable */
export function* holdsHandle() {
  const reader = new FileHandle(3);
  yield 1;
  return reader.fd;
}

/* @resumable */
export function* holdsClosure() {
  const helper = () => 1;
  yield helper;
  yield helper();
}

/* @resumable */
export function* deadHelper() {
  const helper = (x) => x + 1;
  const value = helper(1);
  yield value;
  return value;
}

/* @resumable */
export function* nativeDelegate() {
  yield* (function* () { yield 1; yield 2; })();
}

/* @resumable */
export function* cleanup(log) {
  try {
    yield "working";
    yield "more";
  } finally {
    log.push("cleanup");
    yield "in finally";
  }
}

/* @resumable */
export function* selfSnapshot(take) {
  yield take();
}

/* @resumable */
export function* heldMethod(items) {
  items.push(yield "push");
  items["push"](yield "computed");
  items.push(...[yield "spread"]);
  return items;
}

/* @resumable */
export function* replacedMethod(tool) {
  return tool.run(yield ((tool.run = null), "x"));
}

/* @resumable */
export function* protoLocal(__proto__) {
  const constructor = "a local";
  yield __proto__;
  return [__proto__, constructor];
}
`;

beforeAll(async () => {
  mod = (await importCompiled(SOURCE, fixture("snapshot-subject.js"))) as typeof mod;
  registerClass(mod.Point, { id: "test.Point" });
  registerValue("test.scale", mod.scale);
});

const drain = (gen: Gen, sends: unknown[] = []) => {
  const out: unknown[] = [];
  for (let i = 0; ; i++) {
    const r = gen.next(sends[i]);
    out.push(r.value);
    if (r.done) return out;
  }
};

describe("snapshot and restore", () => {
  it('keeps a registered class instance\'s own "__proto__" field as a field, not as its prototype', () => {
    const point = new mod.Point(1, 2);
    Object.defineProperty(point, "__proto__", { value: { polluted: true }, writable: true, enumerable: true, configurable: true });
    const copy = restoreValue(snapshotValue(point)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(mod.Point.prototype);
    expect(Object.getOwnPropertyDescriptor(copy, "__proto__")?.value).toEqual({ polluted: true });
    expect(Object.keys(copy)).toEqual(Object.keys(point));
  });

  it("saves a Node Buffer as its own bytes, never the rest of the pool it views, and restores a Buffer", () => {
    Buffer.from("a neighbour in the pool");
    const chunk = Buffer.from("partial line");
    expect(chunk.buffer.byteLength).toBeGreaterThan(chunk.byteLength); // a slice of the shared pool
    for (const binary of [false, true]) {
      const blob = snapshotValue({ chunk, tail: chunk.subarray(8) }, { binary });
      expect(Buffer.from(blob as Uint8Array | string).includes("neighbour")).toBe(false);
      const copy = restoreValue(blob) as { chunk: Buffer; tail: Buffer };
      expect(Buffer.isBuffer(copy.chunk) && Buffer.isBuffer(copy.tail)).toBe(true);
      expect([copy.chunk.toString(), copy.tail.toString()]).toEqual(["partial line", "line"]);
      expect(copy.chunk.buffer.byteLength).toBe(12);
    }
    const tampered = (snapshotValue({ chunk }) as string).replace('["Uint8Array",[3],0,12]', '["Array","not bytes"]');
    expect(() => restoreValue(tampered)).toThrowError(CorruptSnapshotError);
    // The refusal says where the value sits, as the decoder's own refusals do.
    expect(() => restoreValue(tampered)).toThrowError(
      /values\[1\] \(Buffer instance\): a saved Buffer must hold a Uint8Array of its bytes/,
    );
  });

  it("holds the listed built-in functions by name (Math's, Number's parsers and checks…) and nothing that could run code", () => {
    const { floor, max } = Math;
    const blob = snapshotValue({ floor, max, parse: parseFloat, toNumber: Number, isArray: Array.isArray }) as string;
    expect(blob).toContain('["permanent","builtin:Math.floor"]');
    const copy = restoreValue(blob) as Record<string, unknown>;
    expect([copy.floor, copy.max, copy.parse, copy.toNumber, copy.isArray]).toEqual([floor, max, parseFloat, Number, Array.isArray]);
    for (const unlisted of [Function, Object.assign, setTimeout]) expect(() => snapshotValue(unlisted)).toThrowError(SnapshotError);
    expect(() => restoreValue(blob.replace("builtin:Math.floor", "builtin:Function"))).toThrowError(
      /"Function" is not a built-in function a snapshot can refer to/,
    );
  });

  it("does not hold a resumable generator function that was made more than once (a class a factory makes anew)", async () => {
    const source = [
      "export function makeClass(tag) {",
      "  return class { static tag = tag; /* @resumable */ *items() { yield this.constructor.tag; } };",
      "}",
    ].join("\n");
    const factory = await importCompiled<{ makeClass: (tag: string) => new () => { items: () => Gen } }>(
      source,
      fixture("generator-function-factory.js"),
    );
    const first = factory.makeClass("alice");
    const blob = snapshotValue({ method: first.prototype.items }) as string;
    expect((restoreValue(blob) as { method: unknown }).method).toBe(first.prototype.items);
    const second = factory.makeClass("bob");
    expect(() => snapshotValue(second.prototype.items)).toThrowError(SnapshotError);
    expect(() => snapshotValue(first.prototype.items)).toThrowError(
      /function items is a resumable generator function made more than once in this process \(by a factory, an object literal or a class evaluated again, or a module loaded twice\), so a snapshot could not say which one it holds/,
    );
    expect(() => restoreValue(blob)).toThrowError(UnknownFunctionError);
    expect(() => restoreValue(blob)).toThrowError(/was made more than once in this process/);
  });

  it("holds an object literal's resumable method by its id, while one literal has made it", async () => {
    const source = [
      "export const tools = { /* @resumable */ *walk(n) { for (let i = 0; i < n; i++) yield i; } };",
      "export function makeTools() { return { /* @resumable */ *count() { yield 1; } }; }",
    ].join("\n");
    const literals = await importCompiled<{ tools: { walk: () => Gen }; makeTools: () => { count: () => Gen } }>(
      source,
      fixture("object-literal-methods.js"),
    );
    const blob = snapshotValue({ task: literals.tools.walk }) as string;
    expect((restoreValue(blob) as { task: unknown }).task).toBe(literals.tools.walk);
    const once = literals.makeTools();
    expect(restoreValue(snapshotValue(once.count) as string) as unknown).toBe(once.count);
    literals.makeTools();
    expect(() => snapshotValue(once.count)).toThrowError(/function count is a resumable generator function made more than once/);
  });

  it("holds a resumable generator function by its id, restored as the one loaded under it", () => {
    const blob = snapshotValue({ task: mod.minibatches, steps: [mod.train] }) as string;
    expect(blob).toContain('"resumable-generators.function:test/fixtures/snapshot-subject.js#train"');
    const copy = restoreValue(blob) as { task: unknown; steps: unknown[] };
    expect(copy.task).toBe(mod.minibatches);
    expect(copy.steps[0]).toBe(mod.train);
    const unknown = blob.replace("snapshot-subject.js#train", "elsewhere.js#train");
    expect(() => restoreValue(unknown)).toThrowError(UnknownFunctionError);
    expect(() => restoreValue(unknown)).toThrowError(
      'no resumable generator function "test/fixtures/elsewhere.js#train" is loaded; import the module that defines it before restore()',
    );
  });

  it("resumes a nested yield* and for…of chain where it stopped", () => {
    const gen = mod.train([1, 2, 3, 4, 5]);
    gen.next();
    const copy = restore(snapshot(gen));
    expect(isResumable(copy)).toBe(true);
    const rest = drain(copy).map((v: any) => (v && typeof v === "object" ? v.b : v));
    expect(rest).toEqual([[3, 4], [5], 3]);
  });

  it("keeps shared references, cycles and rich values", () => {
    const gen = mod.rich(7);
    const first = gen.next().value as any;
    const copy = restore(snapshot(gen));
    const result = copy.next("sent").value as any;
    expect(result).toEqual(["sent", 5, 42, true, true]);
    // The original is untouched by the copy.
    expect(first.self).toBe(first);
  });

  it("round-trips every value kind exactly", () => {
    const gen = mod.rich(1);
    gen.next();
    const copy = restore(snapshot(gen)) as any;
    const state = fork(copy) as any;
    // Read the restored state through the frame's saved local.
    const restored = (state as any).$state;
    expect(restored.map.get(restored.shared)).toBe("key is an object");
    expect([...restored.set]).toEqual([1, "two", 3n]);
    expect(restored.date.getTime()).toBe(0);
    expect(Number.isNaN(restored.bad.getTime())).toBe(true);
    expect(restored.re.flags).toBe("gi");
    expect(Object.is(restored.bytes[1], -0)).toBe(true);
    expect(Number.isNaN(restored.bytes[2])).toBe(true);
    expect(Object.is(restored.neg, -0)).toBe(true);
    expect(restored.big).toBe(2n ** 70n);
    expect(restored.sym).toBe(Symbol.for("tag"));
    expect(1 in restored.holes).toBe(false);
    expect(restored.err).toBeInstanceOf(TypeError);
    expect(restored.err.cause).toBe("why");
    expect(restored.point).toBeInstanceOf(mod.Point);
    expect(restored.fn).toBe(mod.scale);
    expect("nothing" in restored).toBe(true);
    expect(Object.getPrototypeOf(restored.proto)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(restored.proto, "__proto__")).toBe(true);
    expect(({} as any).polluted).toBeUndefined();
  });

  it("restores one blob twice into independent generators", () => {
    const gen = mod.minibatches([1, 2, 3, 4, 5, 6], 2);
    gen.next();
    const blob = snapshot(gen);
    const a = restore(blob);
    const b = restore(blob);
    expect(drain(a)).toEqual([[3, 4], [5, 6], undefined]);
    expect(drain(b)).toEqual([[3, 4], [5, 6], undefined]);
  });

  it("forks at every position with the same future as the original", () => {
    for (let k = 0; k <= 4; k++) {
      const gen = mod.minibatches([1, 2, 3, 4, 5, 6, 7], 2);
      for (let i = 0; i < k; i++) gen.next();
      const copy = fork(gen);
      expect(drain(copy)).toEqual(drain(gen));
    }
  });

  it("restores not-started and finished generators", () => {
    const fresh = mod.minibatches([1, 2, 3], 2);
    expect(drain(restore(snapshot(fresh)))).toEqual([[1, 2], [3], undefined]);
    const done = mod.minibatches([], 2);
    drain(done);
    expect(restore(snapshot(done)).next()).toEqual({ value: undefined, done: true });
  });

  it("keeps a pending return while a finally block yields", () => {
    const log: string[] = [];
    const gen = mod.cleanup(log);
    gen.next();
    expect(gen.return("early")).toEqual({ value: "in finally", done: false });
    const copy = restore(snapshot(gen));
    expect(copy.next()).toEqual({ value: "early", done: true });
  });

  it("saves only live locals: a dead helper closure does not fail the snapshot", () => {
    const gen = mod.deadHelper();
    gen.next();
    const blob = snapshot(gen);
    expect(blob).not.toContain("helper");
    expect(restore(snapshot(gen)).next()).toEqual({ value: 2, done: true });
  });

  it("describes a blob without building anything", () => {
    const gen = mod.train([1, 2, 3]);
    gen.next();
    const description = describeBlob(snapshot(gen));
    expect(description.frames.map((f) => f.name)).toEqual(["train", "minibatches"]);
    expect(description.frames[0]!.resumePoint).toEqual({ index: 0, label: undefined, line: 25 });
    expect(description.frames[0]!.locals["step"]).toBe(1);
  });

  it('describes a local named "__proto__" as a local, not as the prototype of the locals record', () => {
    const gen = mod.protoLocal({ polluted: true });
    gen.next();
    const { locals } = describeBlob(snapshot(gen)).frames[0]!;
    expect(Object.getPrototypeOf(locals)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(locals, "__proto__")?.value).toEqual({ polluted: true });
    expect(locals["constructor"]).toBe("a local");
    expect(drain(restore(snapshot(gen)))).toEqual([[{ polluted: true }, "a local"]]);
  });
});

describe("text and binary blobs", () => {
  /** rich(seed) suspended at its yield: its state holds a Float64Array, whose bytes are an attachment. */
  const suspendedRich = () => {
    const gen = mod.rich(3);
    gen.next();
    return gen;
  };
  const bytesOf = (gen: Gen) => [...(fork(gen) as any).$state.bytes].map((x: number) => (Object.is(x, -0) ? "-0" : String(x)));

  it("restores a binary blob like a text one", () => {
    const gen = suspendedRich();
    const binary = snapshot(gen, { binary: true });
    expect(binary).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(binary.subarray(0, 8)).toString("latin1")).toBe("\x89RGS\r\n\x1a\n");
    const text = snapshot(gen);
    expect(text.split("\n")).toHaveLength(2); // the header, then the Float64Array's bytes as base64
    for (const blob of [binary, text]) {
      const copy = restore(blob);
      expect(bytesOf(copy)).toEqual(["1.5", "-0", "NaN"]);
      expect(copy.next("sent").value).toEqual(["sent", 5, 42, true, true]);
    }
    expect(describeBlob(binary).frames[0]!.functionId).toBe(describeBlob(text).frames[0]!.functionId);
    expect(describeBlob(binary).bytes).toBe(binary.length);
  });

  it("packs a binary blob's graph as MessagePack after a small header (format version 3), and still reads version 2", () => {
    const gen = suspendedRich();
    const binary = Buffer.from(snapshot(gen, { binary: true }));
    const header = JSON.parse(binary.toString("utf8", 12, 12 + binary.readUInt32LE(8)));
    expect(header).toEqual({ format: "resumable-generators", version: 3, packedGraph: expect.any(Number), attachments: [24] });
    const version2 = asVersion2Binary(snapshot(gen));
    expect(bytesOf(restore(version2))).toEqual(["1.5", "-0", "NaN"]);
    expect(describeBlob(version2).frames[0]!.functionId).toBe(describeBlob(binary).frames[0]!.functionId);
    expect(() => restore(JSON.stringify({ ...JSON.parse(snapshot(gen).split("\n")[0]!), version: 4 }))).toThrowError(
      "the snapshot has format version 4; this runtime reads versions 1, 2 and 3",
    );
    // Version 3 exists only as bytes: a text header claiming it was converted by something.
    const [textHeader, base64] = snapshot(gen).split("\n");
    const claimed = JSON.stringify({ ...JSON.parse(textHeader!), version: 3 }) + "\n" + base64;
    expect(() => restore(claimed)).toThrowError("format version 3 is binary only, but this snapshot is text; was it converted?");
  });

  it("refuses a version 3 blob whose packed graph is altered or cut, with CorruptSnapshotError", () => {
    const binary = Buffer.from(snapshot(suspendedRich(), { binary: true }));
    const headerEnd = 12 + binary.readUInt32LE(8);
    const graphStart = Math.ceil(headerEnd / 8) * 8;
    const header = JSON.parse(binary.toString("utf8", 12, headerEnd));
    const withHeader = (changes: object) => {
      const text = JSON.stringify({ ...header, ...changes }).padEnd(headerEnd - 12, " ");
      const copy = Buffer.from(binary);
      copy.write(text, 12, "utf8");
      return copy;
    };
    expect(() => restore(withHeader({ packedGraph: -1 }))).toThrowError(
      "the binary snapshot's `packedGraph` must be the byte length of its packed graph",
    );
    const tooLong = Number("9".repeat(String(header.packedGraph).length)); // the same width, so the header keeps its length
    expect(() => restore(withHeader({ packedGraph: tooLong }))).toThrowError(
      `the binary snapshot ends inside its packed graph (${tooLong} bytes); was it truncated?`,
    );
    const altered = Buffer.from(binary);
    altered[graphStart] = 0xc1; // a MessagePack type that is never used
    expect(() => restore(altered)).toThrowError(CorruptSnapshotError);
    expect(() => restore(altered)).toThrowError(/the binary snapshot's packed graph is not valid: byte 0 is MessagePack type 0xc1/);
  });

  it("reads a text blob given as bytes, and one saved with a final newline", () => {
    const text = snapshot(suspendedRich());
    expect(bytesOf(restore(Buffer.from(text, "utf8")))).toEqual(["1.5", "-0", "NaN"]);
    expect(bytesOf(restore(text + "\n"))).toEqual(["1.5", "-0", "NaN"]);
  });

  it("keeps an empty buffer that comes last in a text blob (its attachment is an empty last line)", () => {
    // Restore once trimmed a blob's end, final newline and empty attachments alike, then refused it as truncated.
    for (const value of [
      [1, new Uint8Array(0)],
      [new Uint8Array([1]), new Uint8Array(0)],
      [new Uint8Array(0), new Uint8Array([2, 3])],
    ]) {
      const blob = snapshotValue(value);
      expect(restoreValue(blob)).toEqual(value);
      expect(restoreValue(blob + "\n")).toEqual(value);
    }
    // Line ends converted to CRLF, or trailing blanks, do not spoil an attachment either.
    const bytes = new Uint8Array([1, 2, 3]);
    expect(restoreValue(snapshotValue({ bytes }).replace(/\n/g, "\r\n") + "\r\n")).toEqual({ bytes });
    expect(restoreValue(snapshotValue({ bytes }) + " \t\n")).toEqual({ bytes });
  });

  it("reads format version 1 (buffers inline as base64, no attachments)", () => {
    const [header, base64] = snapshot(suspendedRich()).split("\n");
    const envelope = JSON.parse(header!);
    for (const entry of envelope.graph.values) if (entry[0] === "ArrayBuffer") entry[1] = base64;
    const version1 = JSON.stringify({ format: envelope.format, version: 1, graph: envelope.graph });
    expect(bytesOf(restore(version1))).toEqual(["1.5", "-0", "NaN"]);
    expect(() => restore(JSON.stringify({ ...envelope, version: 1 }) + "\n" + base64)).toThrowError(
      "a version 1 snapshot has no attachments",
    );
  });

  it("signs the attachments too", () => {
    const gen = suspendedRich();
    for (const blob of [snapshot(gen, { key: "k1" }), snapshot(gen, { key: "k1", binary: true })]) {
      expect(bytesOf(restore(blob, { key: "k1" }))).toEqual(["1.5", "-0", "NaN"]);
      // One byte of the Float64Array's bytes (text: one base64 character) changed.
      const altered =
        typeof blob === "string" ? blob.slice(0, -3) + (blob.at(-3) === "A" ? "B" : "A") + blob.slice(-2) : Uint8Array.from(blob);
      if (altered instanceof Uint8Array) altered[altered.length - 9] ^= 1;
      expect(() => restore(altered, { key: "k1" })).toThrowError(SignatureError);
      if (blob instanceof Uint8Array) {
        // One byte of the packed graph: the last byte before the attachment's padding and bytes.
        const graph = Uint8Array.from(blob);
        graph[graph.length - 33] ^= 1;
        expect(() => restore(graph, { key: "k1" })).toThrowError(SignatureError);
      }
      expect(() => restore(blob, { key: "k2" })).toThrowError(SignatureError);
    }
    expect(() => restore(snapshot(gen, { binary: true }), { key: "k1" })).toThrowError(
      "the snapshot is not signed, but restore() was given a key; refusing it",
    );
  });

  it("refuses a signature spelled otherwise, and altered or missing padding in a binary blob", () => {
    const gen = suspendedRich();
    // Text: the signature's last character carries two unused bits, and base64url may take "=" padding;
    // either spelling decodes to the same bytes, but it is not the blob that was signed.
    const [head, ...attachments] = snapshot(gen, { key: "k1" }).split("\n");
    const envelope = JSON.parse(head!);
    const withSignature = (hmac: string) => [JSON.stringify({ ...envelope, hmac }), ...attachments].join("\n");
    expect(bytesOf(restore(withSignature(envelope.hmac), { key: "k1" }))).toEqual(["1.5", "-0", "NaN"]);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const last = alphabet[alphabet.indexOf(envelope.hmac.at(-1)) ^ 1]!;
    const sameBytes = envelope.hmac.slice(0, -1) + last;
    expect(Buffer.from(sameBytes, "base64url")).toEqual(Buffer.from(envelope.hmac, "base64url"));
    expect(() => restore(withSignature(sameBytes), { key: "k1" })).toThrowError(SignatureError);
    expect(() => restore(withSignature(envelope.hmac + "="), { key: "k1" })).toThrowError(SignatureError);
    // A character whose low byte is the right one is not it either.
    const widened = String.fromCharCode(envelope.hmac.charCodeAt(0) + 0x100) + envelope.hmac.slice(1);
    expect(() => restore(withSignature(widened), { key: "k1" })).toThrowError(SignatureError);

    // Binary: the padding after the header and after each part is zero, and all there.
    const binary = snapshot(gen, { key: "k1", binary: true });
    const view = Buffer.from(binary.buffer, binary.byteOffset, binary.byteLength);
    const headerEnd = 12 + view.readUInt32LE(8);
    const packedEnd = Math.ceil(headerEnd / 8) * 8 + JSON.parse(view.toString("utf8", 12, headerEnd)).packedGraph;
    const padding = [headerEnd, packedEnd].filter((end) => end % 8 !== 0);
    expect(padding.length).toBeGreaterThan(0);
    for (const at of padding) {
      const altered = Uint8Array.from(binary);
      altered[at] = 1;
      expect(() => restore(altered, { key: "k1" })).toThrowError(`the binary snapshot's padding at byte ${at} is not zero: it was altered`);
    }
    // Three bytes of attachment, then five of padding: one of them cut off.
    const blob = snapshotValue(new Uint8Array([1, 2, 3]), { binary: true });
    expect(restoreValue(blob)).toEqual(new Uint8Array([1, 2, 3]));
    expect(() => restoreValue(blob.subarray(0, blob.length - 1))).toThrowError(
      "the binary snapshot ends inside its padding; was it truncated?",
    );
  });

  it("refuses truncated and inconsistent blobs with CorruptSnapshotError", () => {
    const gen = suspendedRich();
    const binary = snapshot(gen, { binary: true });
    expect(() => restore(binary.subarray(0, 10))).toThrowError("the binary snapshot is truncated inside its first 12 bytes");
    expect(() => restore(binary.subarray(0, 40))).toThrowError(/the binary snapshot's header claims \d+ bytes, more than the blob holds/);
    expect(() => restore(binary.subarray(0, binary.length - 8))).toThrowError(/the binary snapshot ends inside attachment 0 \(24 bytes\)/);
    expect(() => restore(Buffer.concat([binary, new Uint8Array(8)]))).toThrowError(
      "the binary snapshot has 8 bytes after its last attachment",
    );
    expect(() => restore(new Uint8Array([0xff, 0xfe]))).toThrowError("the snapshot is neither a binary snapshot nor UTF-8 text");
    const [header] = snapshot(gen).split("\n");
    expect(() => restore(header!)).toThrowError("the snapshot's header lists 1 attachment(s) but 0 follow it; was it truncated?");
    expect(() => restore(header + "\nAAAA")).toThrowError("the snapshot's attachment 0 is not the base64 text of 24 bytes");
    expect(() => restore(Symbol.for("x") as any)).toThrowError("a snapshot is a string or a Uint8Array; got symbol");
  });
});

describe("modules loaded again", () => {
  it("lets an edited file, loaded again, replace its functions (a watcher or a dev server reloading it)", async () => {
    const source = (step: number) => `/* @resumable */ export function* ticks() { yield ${step}; yield ${step * 2}; }`;
    const file = fixture("reloaded-module.js");
    const first = await importCompiled<{ ticks: () => Gen }>(source(1), file);
    const gen = first.ticks();
    gen.next();
    const blob = snapshot(gen);
    // The edited file defines the same id: it was refused as a second function.
    const second = await importCompiled<{ ticks: () => Gen }>(source(10), file);
    expect([...second.ticks()]).toEqual([10, 20]);
    // The newer code is the one blobs are checked against now.
    expect(() => restore(blob)).toThrowError(VersionMismatchError);
  });

  it("refuses one id in two pieces of code compiled without a filename (nothing says they are one file)", async () => {
    const { transformSync } = await import("@babel/core");
    const compiled = (value: number) =>
      transformSync(`/* @resumable("test.nameless") */ export function* f() { yield ${value}; }`, {
        babelrc: false,
        configFile: false,
        plugins: [join(projectRoot, "dist", "babel-plugin", "index.js")],
      })!.code!;
    await importCode(compiled(1));
    await expect(importCode(compiled(2))).rejects.toThrowError(/two resumable functions have the id "test.nameless": <unknown file>/);
  });

  it("refuses one id in two modules told apart by their key, though their paths under their roots are one", async () => {
    // Two packages of a monorepo under the register hook: each file is src/gen.js under its package.
    const { transformSync } = await import("@babel/core");
    const compiled = (moduleKey: string, who: string) =>
      transformSync(`/* @resumable */ export function* gen() { yield "${who}"; }`, {
        babelrc: false,
        configFile: false,
        root: join(projectRoot, "test", "fixtures", "packages", who),
        filename: join(projectRoot, "test", "fixtures", "packages", who, "src", "gen.js"),
        plugins: [[join(projectRoot, "dist", "babel-plugin", "index.js"), { moduleKey }]],
      })!.code!;
    await importCode(compiled("/repo/a/src/gen.js", "a"));
    // The same module again (a reload) replaces its functions; another module with the same id is refused.
    await importCode(compiled("/repo/a/src/gen.js", "a") + "\n// reloaded");
    await expect(importCode(compiled("/repo/b/src/gen.js", "b"))).rejects.toThrowError(
      'two resumable functions have the id "src/gen.js#gen": src/gen.js:1:25 (/repo/a/src/gen.js) and src/gen.js:1:25 (/repo/b/src/gen.js); give one of them another id',
    );
  });

  it("refuses one id in two files, naming both", async () => {
    const source = '/* @resumable("test.shared.id") */ export function* one() { yield 1; }';
    await importCompiled(source, fixture("first-with-shared-id.js"));
    await expect(importCompiled(source, fixture("second-with-shared-id.js"))).rejects.toThrowError(
      /two resumable functions have the id "test.shared.id": test\/fixtures\/first-with-shared-id.js:1:\d+ and test\/fixtures\/second-with-shared-id.js:1:\d+; give one of them another id/,
    );
  });
});

describe("refusals at snapshot time", () => {
  it("names the path to an unregistered class instance", () => {
    const gen = mod.holdsHandle();
    gen.next();
    expect(() => snapshot(gen)).toThrowError(SnapshotError);
    expect(() => snapshot(gen)).toThrowError(
      'holdsHandle (test/fixtures/snapshot-subject.js:45) › local "reader": FileHandle is not serializable; register it with registerClass()',
    );
  });

  it("says what a compiler-made local holds: a loop's iterator, part of an expression evaluated before the yield, a caught exception", async () => {
    const source = [
      "const helper = () => 0;",
      "/* @resumable */ export function* loop() { for (const f of [helper]) yield 1; }",
      "/* @resumable */ export function* pair() { return [new WeakMap(), yield 2]; }",
      "/* @resumable */ export function* chain(o) { return o?.[yield 3]?.(yield 4); }",
      "class HttpError extends Error {}",
      "/* @resumable */ export function* caught() { try { throw new HttpError(); } catch (err) { yield 5; return err; } }",
    ].join("\n");
    const compiled = await importCompiled<{ loop: () => Gen; pair: () => Gen; chain: (o: unknown) => Gen; caught: () => Gen }>(
      source,
      fixture("compiler-made-locals.js"),
    );
    // Regenerator keeps a plain catch parameter in a temporary of its own.
    const caught = compiled.caught();
    caught.next();
    expect(() => snapshot(caught)).toThrowError(
      /caught \(test\/fixtures\/compiler-made-locals.js:6\) › local "\(t\d\)" \(the exception the catch clause calls "err"\): HttpError is not serializable/,
    );
    const loop = compiled.loop();
    loop.next();
    expect(() => snapshot(loop)).toThrowError(
      'loop (test/fixtures/compiler-made-locals.js:2) › local "_iterator" (the iterator of a loop around the yield at line 2) › field "source" › [0]: function helper is not serializable',
    );
    const pair = compiled.pair();
    pair.next();
    expect(() => snapshot(pair)).toThrowError(
      /pair \(test\/fixtures\/compiler-made-locals.js:3\) › local "\(t\d\)" \(part of an expression evaluated before the yield at line 3\): .*WeakMap/,
    );
    // The optional chain's lowering holds `o?.[key]` in a local of its own across the second yield.
    const chain = compiled.chain({ key: new WeakSet() });
    chain.next();
    chain.next("key");
    expect(() => snapshot(chain)).toThrowError(
      /chain \(test\/fixtures\/compiler-made-locals.js:4\) › local "_[\w$]+" \(part of an expression evaluated before the yield at line 4\): .*WeakSet/,
    );
  });

  it("refuses a registered class instance's accessor and symbol-keyed fields, naming the class", () => {
    const withSymbol = Object.assign(new mod.Point(1, 2), { [Symbol.for("cache")]: 3 });
    expect(() => snapshotValue(withSymbol)).toThrowError(
      "Point instance › field Symbol(cache): a symbol-keyed field cannot be saved; give Point save/load hooks",
    );
    const withGetter = Object.defineProperty(new mod.Point(1, 2), "z", { get: () => 0, enumerable: true });
    expect(() => snapshotValue(withGetter)).toThrowError(
      'Point instance › field "z": an accessor property cannot be saved; give Point save/load hooks',
    );
  });

  it("brings a registered class's frozen, sealed or non-extensible instance back so (it came back open)", () => {
    const [frozen, sealed, closed] = restoreValue(
      snapshotValue([Object.freeze(new mod.Point(1, 2)), Object.seal(new mod.Point(3, 4)), Object.preventExtensions(new mod.Point(5, 6))]),
    ) as object[];
    expect(frozen).toBeInstanceOf(mod.Point);
    expect([Object.isFrozen(frozen), Object.isSealed(sealed), Object.isFrozen(sealed), Object.isExtensible(closed)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(frozen).toEqual(new mod.Point(1, 2));
  });

  it("refuses to register a subclass of a built-in without save/load hooks (its fields alone would restore it empty)", () => {
    class Tagged extends Map {}
    class Failure extends Error {}
    class Bytes extends Uint8Array {}
    class Stack extends Array {}
    class Text extends String {}
    for (const [cls, builtIn] of [
      [Tagged, "Map"],
      [Failure, "Error"],
      [Bytes, "a typed array"],
      [Stack, "Array"],
      [Text, "String"],
    ] as const) {
      expect(() => registerClass(cls, { id: `test.${cls.name}` })).toThrowError(
        `registerClass(${cls.name}): ${cls.name} extends ${builtIn}, whose contents live in the engine, not in the instance's fields, ` +
          "so its fields alone would restore it empty; give it save and load hooks",
      );
    }
    // With hooks it is the class's own business.
    registerClass(Tagged, { id: "test.Tagged", save: (map) => [...map], load: (entries) => new Tagged(entries as [unknown, unknown][]) });
    const restored = restoreValue(snapshotValue(new Tagged([["k", 1]]))) as Tagged;
    expect(restored).toBeInstanceOf(Tagged);
    expect(restored.get("k")).toBe(1);
  });

  it("says what to do with a proxy, an Object.create() object, a resizable or shared buffer (not to register a class)", () => {
    for (const [value, message] of [
      [new Proxy({}, {}), "a Proxy is not serializable (saving it would run its traps); save the object behind it instead"],
      [
        Object.create({ kind: "template" }),
        "an object whose prototype belongs to no class (made with Object.create(), or by a function whose prototype was replaced) is not serializable; register the function that makes it with registerClass(), or save a plain object",
      ],
      [
        new ArrayBuffer(8, { maxByteLength: 16 }),
        "a resizable ArrayBuffer is not serializable (its maximum size is not part of the format); save a fixed-size copy, buffer.slice()",
      ],
      [new SharedArrayBuffer(4), "a SharedArrayBuffer is not serializable: other threads hold its memory"],
    ] as const) {
      expect(() => snapshotValue({ held: value })).toThrowError(new SnapshotError(`value › field "held": ${message}`));
    }
  });

  it("refuses a proxy without running its traps, a revoked one too (whose traps would throw)", () => {
    const traps: string[] = [];
    const logging = new Proxy(
      {},
      Object.fromEntries(["getPrototypeOf", "ownKeys", "get", "getOwnPropertyDescriptor"].map((trap) => [trap, () => traps.push(trap)])),
    );
    const { proxy: revoked, revoke } = Proxy.revocable(function named() {}, {});
    revoke();
    for (const value of [logging, revoked]) {
      expect(() => snapshotValue({ held: value })).toThrowError(
        new SnapshotError(
          `value › field "held": a Proxy is not serializable (saving it would run its traps); save the object behind it instead`,
        ),
      );
    }
    expect(traps).toEqual([]);
  });

  it("refuses an arguments object with properties besides its values, which a restored one would not have", () => {
    const args = (function (..._values: unknown[]) {
      return arguments;
    })(1, 2);
    expect(restoreValue(snapshotValue({ args }))).toEqual({ args: expect.objectContaining({ 0: 1, 1: 2, length: 2 }) });
    for (const [key, printed] of [
      ["extra", '"extra"'],
      ["5", '"5"'],
      [Symbol.for("tag"), "Symbol(tag)"],
    ] as const) {
      const marked = (function (..._values: unknown[]) {
        return arguments;
      })(1, 2) as unknown as Record<string | symbol, unknown>;
      marked[key] = "data";
      expect(() => snapshotValue({ args: marked })).toThrowError(
        new SnapshotError(
          `value › field "args": arguments has a property ${printed} besides its values, which a restored arguments object would not have; copy what you need into a local`,
        ),
      );
    }
  });

  it("says where an instance sits when its class's save hook throws, and keeps the hook's error as the cause", () => {
    class Connection {
      open = true;
    }
    registerClass(Connection, {
      id: "test.Connection",
      save() {
        throw new RangeError("the socket is closed");
      },
      load: () => new Connection(),
    });
    let caught: unknown;
    try {
      snapshotValue({ pool: [new Connection()] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SnapshotError);
    expect((caught as Error).message).toBe(
      'value › field "pool" › [0]: the save hook of class "test.Connection" threw: the socket is closed',
    );
    expect((caught as Error).cause).toBeInstanceOf(RangeError);
  });

  it("refuses a generator of a class made more than once whose method uses its super, unless the class was made last", async () => {
    const source = `
      import { registerClass } from "resumable-generators";
      class A { hello() { return "A"; } }
      class B { hello() { return "B"; } }
      const Loud = (Base) => class extends Base {
        /* @resumable */ *greet() { yield super.hello(); yield super.hello() + "!"; }
      };
      export const LA = Loud(A);
      export const LB = Loud(B);
      registerClass(LA, { id: "test.factory.LA" });
      registerClass(LB, { id: "test.factory.LB" });
    `;
    const factory = await importCompiled<{ LA: new () => { greet(): Gen }; LB: new () => { greet(): Gen } }>(
      source,
      fixture("class-factory.js"),
    );
    const first = new factory.LA().greet();
    expect(first.next().value).toBe("A");
    expect(() => snapshot(first)).toThrowError(
      /greet \(.*class-factory\.js:6\) is a method of a class made more than once \(by a factory, a mixin or a loop\), and it uses that class's super or private names; a restore could only make it a method of the class made last, so only its generators can be saved: make the class once, at module level/,
    );
    const last = new factory.LB().greet();
    expect(last.next().value).toBe("B");
    expect(restore(snapshot(last)).next().value).toBe("B!");
    expect(first.next().value).toBe("A!");
  });

  it("reports a load hook's own failure as its own (not a corrupt blob), with the record's place and the error as the cause", () => {
    class Handle {
      constructor(readonly path: string) {}
    }
    registerClass(Handle, {
      id: "test.Handle",
      save: (handle) => handle.path,
      load: (path) => {
        throw Object.assign(new Error(`ENOENT: no such file or directory, open '${String(path)}'`), { code: "ENOENT" });
      },
    });
    const blob = snapshotValue({ handles: [new Handle("/gone.txt")] });
    let caught: unknown;
    try {
      restoreValue(blob);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SnapshotError);
    expect(caught).not.toBeInstanceOf(CorruptSnapshotError);
    expect((caught as Error).message).toMatch(
      /^snapshot values\[\d+\] \(Handle instance\): the load hook of class "test.Handle" threw: ENOENT: no such file or directory, open '\/gone.txt'$/,
    );
    expect(((caught as Error).cause as { code?: string }).code).toBe("ENOENT");
  });

  it("refuses a live closure", () => {
    const gen = mod.holdsClosure();
    gen.next();
    expect(() => snapshot(gen)).toThrowError(/local "helper": function helper is not serializable; register it with registerValue\(\)/);
  });

  it("refuses a native generator delegate", () => {
    const gen = mod.nativeDelegate();
    gen.next();
    expect(() => snapshot(gen)).toThrowError(/a native generator is not serializable; mark its function with \/\* @resumable \*\//);
  });

  it("refuses a running generator", () => {
    const gen: Gen = mod.selfSnapshot(() => snapshot(gen));
    expect(() => gen.next()).toThrowError(/is running: snapshot a generator between calls to next\(\), not from inside it/);
  });

  it("refuses what is not a compiled generator", () => {
    expect(() => snapshot((function* () {})() as Gen)).toThrowError(
      "snapshot() needs a generator made by a /* @resumable */ function*; got a native generator",
    );
    expect(() => snapshot({ lines: [] } as unknown as Gen)).toThrowError(
      "snapshot() needs a generator made by a /* @resumable */ function*; got object; to save some other value, use snapshotValue()",
    );
  });
});

describe("a method read before arguments that yield", () => {
  const heldAt = (point: number) => {
    const gen = mod.heldMethod([1]);
    for (let i = 0; i <= point; i++) gen.next(i + 1);
    return gen;
  };

  it("is left out of the blob when its object has it as data, and read again by the restored copy", () => {
    // The method is Array.prototype.push, which a snapshot could not save: it is left out.
    const gen = heldAt(0);
    const blob = snapshot(gen) as string;
    expect(blob).not.toContain('"fields","heldMethod"');
    expect(drain(restore(blob) as Gen, [2, 3, 4])).toEqual(["computed", "spread", [1, 2, 3, 4]]);
    expect(drain(fork(gen) as Gen, [5, 6, 7])).toEqual(["computed", "spread", [1, 5, 6, 7]]);
    // A blob that takes the object away leaves nothing to read the method from.
    const orphaned = blob.replace(/"\(t\d+\)",\[\d+\]/g, (pair) => pair.replace(/\[\d+\]$/, "null"));
    expect(() => restore(orphaned)).toThrowError(CorruptSnapshotError);
    expect(() => restore(orphaned)).toThrowError(
      /is the method "push" of local "\(t\d+\)", which has no such data property to read it from/,
    );
  });

  it("with a computed key, is saved as its object and key", () => {
    const gen = heldAt(1);
    const blob = snapshot(gen) as string;
    expect(blob).toContain('["fields","heldMethod",null,"object",[1],"key","push"]');
    expect(Object.values(describeBlob(blob).frames[0]!.locals)).toContainEqual({ heldMethod: true, object: [1, 2], key: "push" });
    expect(drain(restore(blob) as Gen, [3, 4])).toEqual(["spread", [1, 2, 3, 4]]);
  });

  it("is read again under the key the code writes, not one the blob names", () => {
    const gen = heldAt(2);
    const blob = (snapshot(gen) as string).replace('"key","push"', '"key","pop"');
    expect(drain(restore(blob) as Gen, [4])).toEqual([[1, 2, 3, 4]]);
  });

  it("is saved itself when reading it again would not give it, and refused when it cannot be saved", () => {
    const gen = mod.replacedMethod({ run: mod.scale });
    gen.next();
    const blob = snapshot(gen) as string;
    expect(blob).toContain('["permanent","test.scale"]');
    expect(drain(restore(blob) as Gen, [21])).toEqual([42]);

    const unsaved = mod.replacedMethod({ run: (x: number) => x });
    unsaved.next();
    expect(() => snapshot(unsaved)).toThrowError(
      /local "\(t\d+\)" \(the method \.run read before the yield at line \d+, which a restore could not read again: replaced since, or read through a getter\): function run is not serializable/,
    );
  });

  it("refuses a record whose key is neither a string nor a symbol", () => {
    const blob = (snapshot(heldAt(1)) as string).replace('"key","push"', '"key",5');
    expect(() => restore(blob)).toThrowError(CorruptSnapshotError);
    expect(() => restore(blob)).toThrowError(/a held method's key must be a string or a symbol/);
  });
});

describe("refusals at restore time", () => {
  it("refuses an option that would silently turn a limit off, and a key restore could not take", () => {
    const blob = snapshot(mod.minibatches([1, 2], 1));
    for (const [options, message] of [
      [{ maxBytes: Number.NaN }, "restore(): options.maxBytes must be a whole number of at least 1, or Infinity; got NaN"],
      [{ maxValues: -1 }, "restore(): options.maxValues must be a whole number of at least 1, or Infinity; got -1"],
      [{ maxBytes: "10" }, 'restore(): options.maxBytes must be a whole number of at least 1, or Infinity; got "10"'],
      [{ maxDelegateDepth: 2.5 }, "restore(): options.maxDelegateDepth must be a whole number of at least 1, or Infinity; got 2.5"],
      [{ migrate: 5 }, "restore(): options.migrate must be an object of migration functions keyed by function id; got 5"],
      [
        { migrate: { "test.minibatches": "x" } },
        'restore(): options.migrate["test.minibatches"] must be a function (old frame) => new frame; got "x"',
      ],
      [{ key: "" }, "restore(): a key must not be empty (an unset environment variable?)"],
    ] as const) {
      expect(() => restore(blob, options as never)).toThrowError(new TypeError(message));
    }
    expect(() => restoreValue(blob, { maxValues: Number.NaN })).toThrowError(/^restoreValue\(\): options.maxValues must be/);
    expect(() => describeBlob(blob, { maxBytes: 0 })).toThrowError(/^describe\(\): options.maxBytes must be/);
    expect(restore(blob, { maxBytes: Infinity, maxValues: 100 }).next().value).toEqual([1]);
    // The signing side checks keys as the verifying side does.
    const gen = mod.minibatches([1, 2], 1);
    expect(() => snapshot(gen, { key: "" })).toThrowError(
      new TypeError("snapshot(): a key must not be empty (an unset environment variable?)"),
    );
    expect(() => snapshot(gen, { key: 5 as never, binary: true })).toThrowError(
      new TypeError("snapshot(): a key must be a string or a Uint8Array; got 5"),
    );
  });
  const blobOf = () => {
    const gen = mod.minibatches([1, 2, 3], 2);
    gen.next();
    return snapshot(gen);
  };

  it("refuses an unknown function id", () => {
    const blob = blobOf().replace("frame:test.minibatches", "frame:test.elsewhere");
    expect(() => restore(blob)).toThrowError(UnknownFunctionError);
    expect(() => restore(blob)).toThrowError(
      'the snapshot refers to resumable function "test.elsewhere", which is not registered; import the module that defines it before restore()',
    );
  });

  it("refuses another code version, naming both versions and the resume point", () => {
    const blob = blobOf().replace(/"#version","[0-9a-f:]+"/, '"#version","0000000000000000"');
    expect(() => restore(blob)).toThrowError(VersionMismatchError);
    expect(() => restore(blob)).toThrowError(
      /minibatches \(test\/fixtures\/snapshot-subject.js:10\): the snapshot was written by version 0000000000000000 of this function, the loaded code is version [0-9a-f]{16}:[0-9a-f]{8}; the frame is suspended at resume point 0, line 14 of the old code; saved locals: .*; locals of the new code there: .*\. Restore with the code that wrote it, or pass restore\(blob, \{ migrate: \{ "test.minibatches": /,
    );
  });

  it("refuses a frame of the same source compiled differently, saying so", () => {
    // Another plugin version (or other Babel plugins) may keep the state in other fields: the layout half of the version differs.
    const blob = blobOf().replace(/("#version","[0-9a-f]+):[0-9a-f]{8}"/, '$1:00000000"');
    expect(blob).not.toBe(blobOf());
    expect(() => restore(blob)).toThrowError(VersionMismatchError);
    expect(() => restore(blob)).toThrowError(
      /The source is the same, but it was compiled differently \(frame layout 00000000, now [0-9a-f]{8}\): by another version of the resumable-generators plugin, or with other Babel plugins, so its state sits in other fields\. Restore with the code that wrote it/,
    );
  });

  it("restores a frame written before versions carried a layout, by its code version", () => {
    const gen = mod.minibatches([1, 2, 3], 2);
    const expected = drain(mod.minibatches([1, 2, 3], 2));
    const first = gen.next();
    const legacy = snapshot(gen).replace(/("#version","[0-9a-f]+):[0-9a-f]{8}"/, '$1"');
    expect(legacy).not.toBe(snapshot(gen));
    expect([first.value, ...drain(restore(legacy))]).toEqual(expected);
  });

  it("migrates an old frame with a hook", () => {
    const blob = blobOf().replace(/"#version","[0-9a-f:]+"/, '"#version","0000000000000000"');
    const gen = restore(blob, {
      migrate: {
        "test.minibatches": (old) => {
          expect(old.resumePoint).toEqual({ index: 0, label: undefined, line: 14 });
          return { resumePoint: old.resumePoint!.index, locals: { ...old.locals, size: 1 } };
        },
      },
    });
    expect(drain(gen)).toEqual([[3], undefined]);
  });

  it("restores a sparse array of 2^25 holes from a few bytes without storage for them (a blob of such arrays exhausted the heap)", () => {
    const length = 2 ** 25;
    const values = [
      ["Array", ...Array.from({ length: 8 }, (_, i) => [i + 1])],
      ...Array.from({ length: 8 }, () => ["SparseArray", length]),
    ];
    const blob = JSON.stringify({ format: "resumable-generators", version: 2, graph: { values, root: [0] } });
    expect(blob.length).toBeLessThan(400);
    const before = process.memoryUsage().heapUsed;
    const arrays = restoreValue(blob) as unknown[][];
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(32 * 1024 * 1024);
    expect(arrays.map((array) => [array.length, Object.keys(array).length])).toEqual(Array.from({ length: 8 }, () => [length, 0]));
    // One with elements keeps them, where they were.
    const kept = restoreValue(snapshotValue(Object.assign([], { 5: "a", [length - 1]: "z", length }))) as string[];
    expect([kept.length, Object.keys(kept), kept[5], kept[length - 1]]).toEqual([length, ["5", String(length - 1)], "a", "z"]);
  });

  it("refuses malformed blobs with CorruptSnapshotError", () => {
    expect(() => restore("{")).toThrowError(CorruptSnapshotError);
    expect(() => restore("{")).toThrowError(/the snapshot is not valid JSON .*; was it truncated\?/);
    expect(() => restore('{"format":"other"}')).toThrowError('the snapshot\'s format is "other", not "resumable-generators"');
    expect(() => restore(blobOf().replace('"#at",0', '"#at",99'))).toThrowError(/resume point 99 does not exist: minibatches has 2/);
    expect(() => restore(blobOf(), { maxBytes: 10 })).toThrowError(/over the limit of 10; raise RestoreOptions.maxBytes/);
  });

  it("refuses yield* chains that loop or are too deep", () => {
    const gen = mod.train([1, 2, 3]);
    gen.next();
    const blob = snapshot(gen);
    // The delegate's own loop iterator made to point back at the root frame.
    const cyclic = blob.replace(/"_iterator(\d*)",\[1\]/, '"_iterator$1",[0]');
    expect(cyclic).not.toBe(blob);
    expect(() => restore(cyclic)).toThrowError(
      "the snapshot's generators drive each other in a cycle (through yield* or a for…of over a generator)",
    );
    expect(() => restore(blob, { maxDelegateDepth: 1 })).toThrowError(
      "the snapshot's yield* chain is deeper than 1; raise RestoreOptions.maxDelegateDepth if it is legitimate",
    );
    expect(restore(blob, { maxDelegateDepth: 2 }).next().done).toBe(false);
  });

  it("signs blobs and refuses altered or unsigned ones", () => {
    const gen = mod.minibatches([1, 2, 3], 2);
    gen.next();
    const signed = snapshot(gen, { key: "k1" });
    expect(drain(restore(signed, { key: ["old", "k1"] }))).toEqual([[3], undefined]);
    expect(() => restore(signed, { key: "k2" })).toThrowError(SignatureError);
    expect(() => restore(signed.replace('\\"#at\\",0', '\\"#at\\",1'), { key: "k1" })).toThrowError(
      "the snapshot's signature does not match any of the given keys: it was altered, or signed with another key",
    );
    expect(() => restore(snapshot(gen), { key: "k1" })).toThrowError(
      "the snapshot is not signed, but restore() was given a key; refusing it",
    );
    expect(() => restore(signed, { key: new Uint8Array([1]) })).toThrowError(SignatureError);
  });
});
