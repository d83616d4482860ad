/**
 * 5. The value codec, as full round trips through a blob: encodeGraph, the
 * text or binary framing of envelope.ts (the JSON, the attachments), unwrap,
 * decodeGraph; what snapshotValue and restoreValue do, without their
 * housekeeping for generator frames. Against node:v8 serialize/deserialize
 * and devalue stringify/parse, on four inputs. "graph alone" (encodeGraph →
 * decodeGraph on the graph object) is recorded to show what the text or
 * bytes cost; it has no target.
 */
import { isDeepStrictEqual } from "node:util";
import { deserialize, serialize } from "node:v8";
import { do_not_optimize } from "mitata";
import * as devalue from "devalue";
import { encodeGraph } from "../../dist/runtime/codec/encode.js";
import { decodeGraph } from "../../dist/runtime/codec/decode.js";
import { savedKinds } from "../../dist/runtime/saved-kinds.js";
import { toBytes, toText, unwrap } from "../../dist/runtime/envelope.js";
import { paired, pairedOnce, ratio } from "../lib/measure.js";

/** A frame's saved record and what such a frame typically holds. */
function smallFrame() {
  const window = ["line 8 xxxxxxxx", "line 9 xxxxxxxxx", "line 10 xxxxxxxxxx", "line 11 xxxxxxxxxxx"];
  return {
    "#version": "a5c6a774bca9691c",
    "#status": "suspended",
    "#at": 2,
    "#line": 62,
    seen: 4012,
    chars: 80022,
    ratio: 0.4375,
    label: "batches",
    done: false,
    window,
    last: window[3],
    cursor: { kind: "values", index: 4, source: window },
    options: { size: 4, tags: ["csv", "utf8"], since: new Date(1700000000000) },
    pending: null,
  };
}

/** 10,000 entries whose values share 100 group objects. */
function sharedMap() {
  const groups = Array.from({ length: 100 }, (_, g) => ({ name: `group ${g}`, weight: g / 3, tags: ["a", "b"] }));
  const map = new Map();
  for (let i = 0; i < 10_000; i++) map.set(`key-${i}`, { id: i, group: groups[i % 100], score: (i * 7919) % 10007 });
  return map;
}

/** Distinct doubles with full-length decimal forms (no repeats a value table could share). */
function floats(count) {
  const array = new Float64Array(count);
  for (let i = 0; i < count; i++) array[i] = Math.sin(i) * 1000;
  return array;
}

export function codecInputs(quick) {
  const large = quick ? 100_000 : 1_000_000;
  return {
    smallFrame: { label: "small frame-like object", value: smallFrame() },
    sharedMap: { label: "Map, 10,000 entries, shared refs", value: sharedMap() },
    float64Array: { label: `Float64Array, ${large.toLocaleString("en-US")} elements`, value: floats(large) },
    numberArray: { label: `number array, ${large.toLocaleString("en-US")} elements`, value: Array.from(floats(large)) },
  };
}

/** A fresh extension per call on each side, as snapshotValue and restoreValue make. */
function throughBlob(value, frame) {
  const { graph, attachments } = encodeGraph(value, savedKinds());
  const unwrapped = unwrap(frame(graph, attachments), Infinity);
  return decodeGraph(unwrapped.graph, savedKinds({ framesToFill: [] }), { maxValues: 10_000_000 }, unwrapped.attachments);
}

export function codecs() {
  const ext = savedKinds({ framesToFill: [] });
  return {
    oursText: (value) => throughBlob(value, toText),
    oursBinary: (value) => throughBlob(value, toBytes),
    // For the record only (no target): the graph object alone, no envelope, no text.
    oursNoText: (value) => {
      const { graph, attachments } = encodeGraph(value, ext);
      return decodeGraph(graph, ext, { maxValues: 10_000_000 }, attachments);
    },
    v8: (value) => deserialize(serialize(value)),
    // For the record only (no target), on the typed array: node:v8's result views the
    // serialized bytes; with a copy of its own it is independent, as a restore of ours is.
    v8Independent: (value) => {
      const copy = deserialize(serialize(value));
      return ArrayBuffer.isView(copy) ? copy.slice() : copy;
    },
    devalue: (value) => devalue.parse(devalue.stringify(value)),
  };
}

export async function runCodec({ quick, log }) {
  const inputs = codecInputs(quick);
  const roundTrip = codecs();
  const results = {};
  for (const [key, input] of Object.entries(inputs)) {
    for (const [name, fn] of Object.entries(roundTrip)) {
      if (!isDeepStrictEqual(fn(input.value), input.value))
        throw new Error(`codec section: ${name} does not round-trip the ${input.label}`);
    }
    const measured = Object.entries(roundTrip).filter(([name]) => name !== "v8Independent" || key === "float64Array");
    const variants = Object.fromEntries(measured.map(([name, fn]) => [name, () => do_not_optimize(fn(input.value))]));
    // The large inputs take tens to hundreds of milliseconds a call: one timed call per round.
    const big = key === "float64Array" || key === "numberArray";
    const figures = big
      ? pairedOnce(variants, { rounds: quick ? 3 : 7, warmup: 1 })
      : await paired(variants, { rounds: quick ? 3 : 9, minMs: quick ? 40 : 100, minSamples: 12 });
    results[key] = {
      label: input.label,
      ns: figures,
      ratios: {
        binaryToV8: ratio(figures.oursBinary, figures.v8),
        textToDevalue: ratio(figures.oursText, figures.devalue),
        textToV8: ratio(figures.oursText, figures.v8),
        oursNoTextToV8: ratio(figures.oursNoText, figures.v8),
        ...(figures.v8Independent ? { binaryToV8Independent: ratio(figures.oursBinary, figures.v8Independent) } : {}),
      },
    };
    const us = (ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(1)} ms` : `${(ns / 1e3).toFixed(1)} µs`);
    log(
      `  ${input.label}: ours text ${us(figures.oursText.median)}, binary ${us(figures.oursBinary.median)} (graph alone ${us(figures.oursNoText.median)}), node:v8 ${us(figures.v8.median)}, devalue ${us(figures.devalue.median)}`,
    );
  }
  return results;
}
