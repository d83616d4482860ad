#!/usr/bin/env node
/**
 * Experiment, not part of `npm run bench`: the value codec of two versions of
 * this project side by side in one process (paired rounds), so a change can
 * be judged without comparing runs made under different load.
 *
 *   node bench/experiments/versions.js b369ae5 HEAD [smallFrame|sharedMap|float64Array|numberArray]
 *
 * Each commit is built by bench/lib/build-version.js; "HEAD" also works for
 * the commit checked out. For each version:
 * a text round trip (encodeGraph → JSON text → decodeGraph, the bytes of
 * buffers as base64 beside it when that version keeps them there), a binary
 * blob round trip (toBytes → unwrap, for versions that have binary blobs)
 * and the graph alone (no text).
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { do_not_optimize } from "mitata";

const { buildVersion } = await import("../lib/build-version.js");
const { paired } = await import("../lib/measure.js");
const { codecInputs } = await import("../sections/codec.js");

const [first, second, inputName = "sharedMap"] = process.argv.slice(2);
if (!first || !second) {
  console.error("usage: node bench/experiments/versions.js <commit> <commit> [input]");
  process.exit(2);
}

async function load({ sha, dist }) {
  const url = (file) => pathToFileURL(join(dist, "runtime", file)).href;
  return {
    sha,
    encodeGraph: (await import(url("codec/encode.js"))).encodeGraph,
    decodeGraph: (await import(url("codec/decode.js"))).decodeGraph,
    savedKinds: (await import(url("saved-kinds.js"))).savedKinds,
    envelope: await import(url("envelope.js")),
  };
}

const value = codecInputs(false)[inputName]?.value;
if (value === undefined) throw new Error(`unknown input ${inputName}`);
const variants = {};
for (const version of [await load(buildVersion(first)), await load(buildVersion(second))]) {
  const ext = version.savedKinds({ framesToFill: [] });
  // Before attachments, encodeGraph returned the graph itself.
  const encode = () => {
    const encoded = version.encodeGraph(value, ext);
    return encoded.graph ? encoded : { graph: encoded, attachments: [] };
  };
  variants[`${version.sha} text`] = () => {
    const { graph, attachments } = encode();
    const text = JSON.stringify(graph);
    const base64 = attachments.map((bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64"));
    return do_not_optimize(version.decodeGraph(JSON.parse(text), ext, { maxValues: 1e7 }, base64));
  };
  if (version.envelope.toBytes) {
    variants[`${version.sha} binary blob`] = () => {
      const { graph, attachments } = encode();
      const unwrapped = version.envelope.unwrap(version.envelope.toBytes(graph, attachments), Infinity);
      return do_not_optimize(version.decodeGraph(unwrapped.graph, ext, { maxValues: 1e7 }, unwrapped.attachments));
    };
  }
  variants[`${version.sha} graph alone`] = () => {
    const { graph, attachments } = encode();
    return do_not_optimize(version.decodeGraph(graph, ext, { maxValues: 1e7 }, attachments));
  };
}
const small = inputName === "smallFrame";
const figures = await paired(variants, { rounds: 7, minMs: small ? 100 : 300, minSamples: 8 });
const unit = (ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : `${(ns / 1e3).toFixed(2)} µs`);
console.log(`| ${inputName} | median |\n|---|---:|`);
for (const [name, figure] of Object.entries(figures)) console.log(`| ${name} | ${unit(figure.median)} |`);
