/**
 * Restore under attack: valid blobs mutated in every way we can think of,
 * and random JSON. For every input, restore either gives a generator that
 * runs without internal errors or throws a SnapshotError; never anything
 * else, never more than a second, never a touched Object.prototype.
 *
 * `npm test` runs FUZZ_RUNS=10,000 cases; `npm run fuzz` runs 1,000,000.
 */
import fc from "fast-check";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { describe as describeBlob, registerClass, restore, snapshot, SnapshotError } from "resumable-generators";
import { asVersion2Binary, asVersion3Binary } from "../support/blobs.js";
import { importCompiled, projectRoot } from "../support/compile.js";

const RUNS = Number(process.env["FUZZ_RUNS"] ?? 10_000);
const SLOW_MS = 1_000;

// A mutated blob may hand the program's own code values it never produces (a
// string where it keeps a Map); the program then throws, as it would
// natively. What must never happen is an error inside the runtime's state
// machine: those are "internal" (see isInternal).
const SOURCE = `
export class Tally { constructor() { this.count = 0; this.items = []; } }
/* @resumable */
function* leaf(items) {
  let i = 0;
  for (const item of items) { i++; yield [i, String(item)]; }
  return i;
}
/* @resumable */
export function* tree(n, tag) {
  const seen = new Map();
  const tally = new Tally();
  const bytes = new Float64Array([1, 2, 3]);
  let total = 0n;
  try {
    for (let k = 0; k < 3; k++) {
      const got = yield* leaf(["a", "b", k]);
      seen.set(k, got);
      // Methods held across a yield (held-method.ts): in a temporary, and with a computed key in a record.
      tally.items.push(yield k);
      tally.items["push"](yield -k);
      total += 1n;
      tally.count = String(tally.count) + "+";
      yield { k, tag, size: seen.size, first: bytes[0], total };
    }
    for (const [key, value] of seen) yield String(key) + ":" + String(value);
    for (const ch of "xy") yield ch;
  } finally {
    yield "cleanup";
  }
  return String(total);
}
`;

let blobs: string[] = [];
let binaryBlobs: Uint8Array[] = [];

beforeAll(async () => {
  const mod = (await importCompiled(SOURCE, join(projectRoot, "test", "fixtures", "fuzz-subject.js"))) as {
    tree: (n: number, tag: string) => Generator;
    Tally: new () => object;
  };
  registerClass(mod.Tally, { id: "fuzz.Tally" });
  for (let k = 0; k < 14; k++) {
    const gen = mod.tree(3, "t");
    for (let i = 0; i < k; i++) gen.next(i);
    blobs.push(snapshot(gen));
    binaryBlobs.push(snapshot(gen, { binary: true }));
    if (k === 3) {
      gen.return("early");
      blobs.push(snapshot(gen));
      binaryBlobs.push(snapshot(gen, { binary: true }));
    }
  }
  // The kinds a mutation starts from: a held method's record among them.
  if (!blobs.some((blob) => blob.includes('"fields","heldMethod"'))) throw new Error("no fuzz blob holds a held method's record");
});

/** An error raised by the runtime's own machinery rather than by the program's code. */
function isInternal(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // The generator protocol's own refusal, raised exactly as a native
  // generator raises it: a local that the blob set to the generator itself,
  // iterated by its own body. The program's doing, not the runtime's.
  if (error instanceof TypeError && error.message === "Generator is already running") return false;
  if (/internal/i.test(error.message)) return true;
  const firstFrame = (error.stack ?? "").split("\n").find((line) => line.trimStart().startsWith("at ")) ?? "";
  return /runtime\/(frame|saved-kinds|snapshot|function-table|codec\/)/.test(firstFrame);
}

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join(",");

/** Restores the input and drives it; returns "accepted", "refused", or throws what must not happen. */
function attempt(input: string | Uint8Array): "accepted" | "refused" {
  const before = prototypeKeys();
  const started = performance.now();
  let outcome: "accepted" | "refused" = "refused";
  let gen: Generator | undefined;
  try {
    gen = restore(input, { maxValues: 100_000 });
    outcome = "accepted";
    describeBlob(input);
  } catch (error) {
    if (!(error instanceof SnapshotError)) {
      throw new Error(
        `restore threw something else than a SnapshotError: ${(error as Error)?.stack ?? String(error)}\ninput: ${input.slice(0, 600)}`,
      );
    }
  }
  if (gen) {
    try {
      for (let i = 0; i < 30; i++) if (gen.next(i).done) break;
    } catch (error) {
      if (isInternal(error))
        throw new Error(`internal error while running a restored generator: ${(error as Error).stack}\ninput: ${input.slice(0, 600)}`);
    }
  }
  const elapsed = performance.now() - started;
  if (elapsed > SLOW_MS) throw new Error(`took ${elapsed.toFixed(0)} ms\ninput: ${input.slice(0, 600)}`);
  if (prototypeKeys() !== before || ({} as Record<string, unknown>)["polluted"] !== undefined) {
    throw new Error(`Object.prototype changed\ninput: ${input.slice(0, 600)}`);
  }
  return outcome;
}

/** Tokens of a blob that a mutation can aim at. */
const NUMBER = /-?\d+(\.\d+)?(e[+-]?\d+)?/g;
const STRING = /"(?:[^"\\]|\\.)*"/g;

function replaceNth(text: string, pattern: RegExp, n: number, replacement: string): string {
  const matches = [...text.matchAll(pattern)];
  if (matches.length === 0) return text;
  const match = matches[n % matches.length]!;
  return text.slice(0, match.index!) + replacement + text.slice(match.index! + match[0].length);
}

const anyBlob = () => fc.nat().map((i) => blobs[i % blobs.length]!);
const anyBinaryBlob = () => fc.nat().map((i) => binaryBlobs[i % binaryBlobs.length]!);

/** A text blob's JSON header, parsed, and the attachment lines after it (with their newlines). */
function splitBlob(blob: string): { envelope: any; attachments: string } {
  const newline = blob.indexOf("\n");
  return newline < 0
    ? { envelope: JSON.parse(blob), attachments: "" }
    : { envelope: JSON.parse(blob.slice(0, newline)), attachments: blob.slice(newline) };
}

/** Edits a text blob's header; a blob whose header no longer parses is returned unchanged. */
function editEnvelope(blob: string, edit: (envelope: any) => void): string {
  let parts;
  try {
    parts = splitBlob(blob);
  } catch {
    return blob;
  }
  edit(parts.envelope);
  return JSON.stringify(parts.envelope) + parts.attachments;
}

const mutations = fc.oneof(
  // truncation
  fc.tuple(anyBlob(), fc.nat()).map(([blob, at]) => blob.slice(0, at % blob.length)),
  // character flips
  fc.tuple(anyBlob(), fc.nat(), fc.integer({ min: 32, max: 126 })).map(([blob, at, code]) => {
    const i = at % blob.length;
    return blob.slice(0, i) + String.fromCharCode(code) + blob.slice(i + 1);
  }),
  // changed numbers: indexes, lengths, offsets, resume points, huge declared sizes
  fc
    .tuple(
      anyBlob(),
      fc.nat(),
      fc.oneof(
        fc.integer({ min: -3, max: 40 }).map(String),
        fc.constantFrom("1e15", "4294967295", "9007199254740993", "-1", "0.5", "1e308", '"NaN"', "null", '"1"', "[]", "{}"),
      ),
    )
    .map(([blob, n, value]) => replaceNth(blob, NUMBER, n, value)),
  // changed strings: tags, kinds, keys, ids
  fc
    .tuple(
      anyBlob(),
      fc.nat(),
      fc.oneof(
        fc.constantFrom(
          '"__proto__"',
          '"constructor"',
          '"prototype"',
          '"Object"',
          '"Array"',
          '"Map"',
          '"fields"',
          '"data"',
          '"permanent"',
          '"Float64Array"',
          '"DataView"',
          '"frame:x"',
          '"class:fuzz.Tally"',
          '"cursor.index"',
          '"cursor.collection"',
          '"cursor.forIn"',
          '"#at"',
          '"#pending"',
          '"#delegate"',
          '"(t0)"',
          '"this"',
          '"arguments"',
          '"suspended"',
          '"start"',
          '"done"',
          '"throw"',
          '"break"',
          '"return"',
        ),
        fc.string().map((s) => JSON.stringify(s)),
      ),
    )
    .map(([blob, n, value]) => replaceNth(blob, STRING, n, value)),
  // swapped value-table entries (frames included)
  fc.tuple(anyBlob(), fc.nat(), fc.nat()).map(([blob, a, b]) =>
    editEnvelope(blob, (envelope) => {
      const values = envelope.graph.values as unknown[];
      const i = a % values.length;
      const j = b % values.length;
      [values[i], values[j]] = [values[j], values[i]];
    }),
  ),
  // prototype keys at every object position
  fc.tuple(anyBlob(), fc.nat(), fc.constantFrom("__proto__", "constructor", "prototype")).map(([blob, n, key]) =>
    editEnvelope(blob, (envelope) => {
      const values = envelope.graph.values as unknown[][];
      const objects = values.filter((entry) => entry[0] === "Object" || entry[0] === "fields" || entry[0] === "NullProtoObject");
      if (objects.length === 0) return;
      const entry = objects[n % objects.length]!;
      entry.push(key, { polluted: true } as unknown);
      entry.push(key, 1);
    }),
  ),
  // attachments: declared lengths changed, lines dropped, duplicated or swapped
  fc.tuple(anyBlob(), fc.constantFrom(0, 1, 7, 24, 25, 1e9, -1, 0.5), fc.nat()).map(([blob, length, n]) =>
    editEnvelope(blob, (envelope) => {
      const lengths = envelope.attachments as unknown[] | undefined;
      if (lengths && lengths.length > 0) lengths[n % lengths.length] = length;
      else envelope.attachments = [length];
    }),
  ),
  fc.tuple(anyBlob(), fc.constantFrom("", "\n", "\nAAAA", "\n====", "\n" + "A".repeat(32))).map(([blob, tail]) => {
    const [header, ...lines] = blob.split("\n");
    return tail === "" ? header! : [header, ...lines, ...lines].join("\n") + tail;
  }),
  // deep nesting
  fc
    .tuple(anyBlob(), fc.integer({ min: 1, max: 100_000 }))
    .map(([blob, depth]) => blob.replace('"root":[0]', `"root":${"[".repeat(depth)}0${"]".repeat(depth)}`)),
  // random JSON inside a valid envelope, and random JSON alone
  fc.jsonValue().map((value) => JSON.stringify({ format: "resumable-generators", version: 2, graph: value })),
  fc
    .jsonValue()
    .map((value) =>
      JSON.stringify({ format: "resumable-generators", version: 2, graph: { values: Array.isArray(value) ? value : [value], root: [0] } }),
    ),
  fc.json(),
);

const binaryMutations = fc.oneof(
  // every text mutation, its graph packed as snapshot({ binary: true }) writes it, or in version 2's framing
  mutations.map(asVersion3Binary),
  mutations.map(asVersion2Binary),
  // truncation
  fc.tuple(anyBinaryBlob(), fc.nat()).map(([blob, at]) => blob.subarray(0, at % blob.length)),
  // byte flips: the magic, the header length, the header, the raw bytes
  fc.tuple(anyBinaryBlob(), fc.nat(), fc.integer({ min: 0, max: 255 })).map(([blob, at, byte]) => {
    const copy = Uint8Array.from(blob);
    copy[at % copy.length] = byte;
    return copy;
  }),
  fc.tuple(anyBinaryBlob(), fc.constantFrom(0, 1, 0x7fffffff, 0xffffffff)).map(([blob, length]) => {
    const copy = Buffer.from(blob);
    copy.writeUInt32LE(length, 8);
    return copy;
  }),
  // extra bytes after the last attachment
  fc.tuple(anyBinaryBlob(), fc.uint8Array({ minLength: 1, maxLength: 16 })).map(([blob, extra]) => Buffer.concat([blob, extra])),
);

describe("restore under fuzzing", () => {
  it("accepts every unmodified blob", () => {
    for (const blob of [...blobs, ...binaryBlobs]) expect(attempt(blob)).toBe("accepted");
  });

  for (const [kind, inputs] of [
    ["text", mutations],
    ["binary", binaryMutations],
  ] as const) {
    it(`survives ${RUNS} mutated and random ${kind} blobs`, () => {
      let accepted = 0;
      fc.assert(
        fc.property(inputs as fc.Arbitrary<string | Uint8Array>, (input) => {
          if (attempt(input) === "accepted") accepted++;
        }),
        { numRuns: RUNS, seed: Number(process.env["FUZZ_SEED"] ?? 20261126) },
      );
      // Some mutations must produce valid blobs, or the fuzzer tests nothing but the parser.
      expect(accepted).toBeGreaterThan(0);
    }, 3_600_000);
  }
});
