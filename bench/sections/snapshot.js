/**
 * 2. Snapshot and restore of pipeline (b) at growing positions: time and
 * blob size, against replay (a fresh native pipeline skipping N items) and
 * against the floor for writing the same state (JSON.stringify + JSON.parse
 * of a plain object holding it). For the record, without a target: JSON
 * alone on the blob's own contents, which is what separates the floor from
 * a blob that names each frame's function, versions and resume point.
 */
import { do_not_optimize } from "mitata";
import { fork, registerValue, restore, snapshot } from "resumable-generators";
import { median, paired, sample, timeOnce } from "../lib/measure.js";
import { benchText } from "./stepping.js";

const WINDOW = 4;

/**
 * The floor: the same data as the blob, as a plain object a hand-written
 * checkpoint would hold. Built from the blob's own value table: each record
 * becomes a plain object of its fields (frame bookkeeping such as "#version"
 * and "#at" dropped, but not "#delegate": where the innermost `yield*` stands
 * in its string is state a checkpoint needs), a registered value becomes its id.
 */
export function plainStateOf(blob) {
  // The pipeline's state holds no ArrayBuffer, so the blob is its JSON header alone.
  const { values, root } = JSON.parse(blob).graph;
  const built = new Map();
  const resolve = (slot) => (Array.isArray(slot) ? build(slot[0]) : slot);
  const build = (index) => {
    if (built.has(index)) return built.get(index);
    const entry = values[index];
    const [tag] = entry;
    let out;
    if (tag === "permanent") out = entry[1];
    else if (tag === "undefined") out = null;
    else if (tag === "Array") out = entry.slice(1).map(resolve);
    else {
      const first = tag === "fields" ? 3 : 1;
      out = {};
      for (let i = first; i < entry.length; i += 2) {
        const key = String(entry[i]);
        if (key === "#delegate") out.delegate = resolve(entry[i + 1]);
        else if (!key.startsWith("#")) out[key] = resolve(entry[i + 1]);
      }
    }
    built.set(index, out);
    return out;
  };
  return resolve(root);
}

function advance(gen, count) {
  let last;
  for (let i = 0; i < count; i++) last = gen.next();
  return last;
}

function firstValues(gen, count) {
  const out = [];
  for (let i = 0; i < count; i++) out.push(JSON.stringify(gen.next().value));
  return out.join(" ");
}

export async function runSnapshot({ flavours, quick, log }) {
  const text = benchText(1000);
  registerValue("bench.text", text);
  const positions = quick ? [1e3, 1e5, 1e6] : [1e3, 1e5, 1e6, 1e7];
  const maxPosition = positions[positions.length - 1];
  const passes = Math.ceil(((maxPosition + 10) * WINDOW) / text.length) + 1;

  // One compiled pipeline walks to every position; an independent copy
  // (fork) is kept at each, so all positions can be measured side by side.
  const walker = flavours.ours.batches(text, passes, WINDOW);
  let at = 0;
  const held = [];
  for (const position of positions) {
    const reach = timeOnce(() => advance(walker, position - at));
    at = position;
    const gen = fork(walker);
    const blob = snapshot(gen);
    held.push({ position, gen, blob, state: plainStateOf(blob), reachSeconds: reach.ns / 1e9 });
    log(`  reached ${position.toExponential(0)} items in ${(reach.ns / 1e9).toFixed(2)} s`);
  }

  const variants = {};
  for (const h of held) {
    variants[`snapshot@${h.position}`] = () => do_not_optimize(snapshot(h.gen));
    variants[`restore@${h.position}`] = () => do_not_optimize(restore(h.blob));
    variants[`floor@${h.position}`] = () => do_not_optimize(JSON.parse(JSON.stringify(h.state)));
    // For the record (no target): JSON alone on what the blob itself holds,
    // the floor's state plus each frame's function id, versions and resume point.
    const graph = JSON.parse(h.blob);
    variants[`blobJson@${h.position}`] = () => do_not_optimize(JSON.parse(JSON.stringify(graph)));
  }
  const figures = await paired(variants, { rounds: quick ? 3 : 7, minMs: quick ? 30 : 60, minSamples: 12 });
  const roundTripSamples = (position) =>
    figures[`snapshot@${position}`].samples.map((s, i) => s + figures[`restore@${position}`].samples[i]);
  const firstRoundTrips = roundTripSamples(positions[0]);

  const rows = [];
  for (const h of held) {
    const { position, blob, state } = h;
    const roundTrips = roundTripSamples(position);
    const floor = figures[`floor@${position}`];
    // Replay: recreate the pipeline natively and skip `position` items.
    const replayOnce = () => {
      const replayed = flavours.native.batches(text, passes, WINDOW);
      advance(replayed, position);
      return replayed;
    };
    let replayNs;
    let replayed;
    if (position <= 1e5) {
      replayNs = await sample(() => do_not_optimize(replayOnce()), { minMs: quick ? 40 : 100, minSamples: 5 });
      replayed = replayOnce();
    } else {
      const runs = [];
      for (let i = 0; i < (quick ? 1 : 3); i++) {
        const run = timeOnce(replayOnce);
        runs.push(run.ns);
        replayed = run.result;
      }
      replayNs = median(runs);
    }
    // The restored copy, the kept copy and the native replay continue alike.
    const expected = firstValues(replayed, 3);
    const restoredValues = firstValues(restore(blob), 3);
    const keptValues = firstValues(h.gen, 3);
    if (restoredValues !== expected || keptValues !== expected) {
      throw new Error(
        `snapshot section: at ${position} the restored pipeline yields ${restoredValues}, native replay ${expected}, the kept copy ${keptValues}`,
      );
    }
    const roundTripNs = median(roundTrips);
    const row = {
      position,
      blobBytes: Buffer.byteLength(blob),
      floorBytes: Buffer.byteLength(JSON.stringify(state)),
      reachSeconds: h.reachSeconds,
      snapshotNs: figures[`snapshot@${position}`].median,
      restoreNs: figures[`restore@${position}`].median,
      roundTripNs,
      floorNs: floor.median,
      oursToFloor: median(roundTrips.map((t, i) => t / floor.samples[i])),
      blobJsonNs: figures[`blobJson@${position}`].median,
      oursToBlobJson: median(roundTrips.map((t, i) => t / figures[`blobJson@${position}`].samples[i])),
      toFirstPosition: median(roundTrips.map((t, i) => t / firstRoundTrips[i])),
      replayNs,
      replayToOurs: replayNs / roundTripNs,
      samples: { snapshot: figures[`snapshot@${position}`].samples, restore: figures[`restore@${position}`].samples, floor: floor.samples },
    };
    rows.push(row);
    log(
      `  at ${position.toExponential(0)}: blob ${row.blobBytes} B, snapshot ${(row.snapshotNs / 1e3).toFixed(1)} µs + restore ${(row.restoreNs / 1e3).toFixed(1)} µs, ` +
        `JSON floor ${(row.floorNs / 1e3).toFixed(2)} µs, replay ${(replayNs / 1e6).toFixed(2)} ms`,
    );
  }
  return { window: WINDOW, textLines: text.length, positions: rows };
}
