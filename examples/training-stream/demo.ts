/**
 * The crash-and-resume demo:
 *
 *   node --import resumable-generators/register examples/training-stream/demo.ts [options]
 *
 * 1. Trains once without interruption (and without checkpoints): the reference.
 * 2. Trains again in a child process and kills it with SIGKILL at a random
 *    moment (seeded), restarts it (it resumes from its last checkpoint), kills
 *    it again, … and finally lets it finish.
 * 3. Checks, from the event logs the children wrote: every resume started at
 *    the last checkpoint; every batch trained after a resume is the batch the
 *    reference trained at that index (digest of its example ids); taken
 *    together, the runs trained each batch once, in order, none lost and none
 *    repeated; the final model is bit-identical to the reference.
 *
 * For each resume it prints how long restoring took next to how long the
 * usual alternative takes at the same position: reopen the file and replay
 * the pipeline from the start, throwing batches away.
 *
 * Options: --lines N (50000), --seed N (corpus seed, 1), --kill-seed N (7),
 * --kills N (6), --every N (checkpoint interval in batches, 250),
 * --work DIR (.cache/training-stream/demo), --corpus-dir DIR.
 * Exit status 0 when every check passes, 1 otherwise.
 */
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { saveCheckpoint } from "resumable-generators/node";
import { cacheDir, ensureCorpus, projectRoot, seededRandom } from "./corpus.ts";

const { values: args } = parseArgs({
  options: {
    lines: { type: "string", default: "50000" },
    seed: { type: "string", default: "1" },
    "kill-seed": { type: "string", default: "7" },
    kills: { type: "string", default: "6" },
    every: { type: "string", default: "250" },
    work: { type: "string", default: join(cacheDir, "demo") },
    "corpus-dir": { type: "string", default: cacheDir },
  },
});
const lines = Number(args.lines);
const corpusSeed = Number(args.seed);
const killSeed = Number(args["kill-seed"]);
const wantedKills = Number(args.kills);
const every = Number(args.every);
const work = args.work!;
const corpusDir = args["corpus-dir"]!;
const trainScript = fileURLToPath(new URL("./train.ts", import.meta.url));
const checkpointPath = join(work, "checkpoint.ckpt");
/** Give up on a child that takes longer than this (something hangs). */
const CHILD_TIMEOUT_MS = 60_000;

interface Events {
  start?: { batch: number };
  resume?: { batch: number; position: number; restoreMs: number; skipMs: number; readMs: number; lines: number; nextDigest: string | null };
  batches: Array<{ index: number; digest: string }>;
  checkpoints: number[];
  done?: Record<string, unknown>;
}

function readEvents(path: string): Events {
  const events: Events = { batches: [], checkpoints: [] };
  let text = "";
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return events;
  }
  for (const line of text.split("\n")) {
    if (line === "") continue;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line) as Record<string, unknown>;
    } catch {
      continue; // the end of a killed run's log is not trusted
    }
    if (record["event"] === "start") events.start = { batch: 0 };
    else if (record["event"] === "resume") events.resume = record as unknown as Events["resume"];
    else if (record["event"] === "batch") events.batches.push({ index: record["index"] as number, digest: record["digest"] as string });
    else if (record["event"] === "checkpoint") events.checkpoints.push(record["batch"] as number);
    else if (record["event"] === "done") events.done = record;
  }
  return events;
}

interface RunResult {
  killed: boolean;
  /** From the child's "training …" line to its end. */
  trainingMs: number;
}

/** Runs train.ts; with `killAfter`, SIGKILLs it that many ms after it starts training. */
function runTraining(extra: string[], killAfter: number | undefined): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ["--import", "resumable-generators/register", trainScript, ...extra], {
      cwd: projectRoot,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let trainingAt = 0;
    let killTimer: NodeJS.Timeout | undefined;
    const watchdog = setTimeout(() => child.kill("SIGKILL"), CHILD_TIMEOUT_MS);
    let pending = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      pending += chunk;
      let newline: number;
      while ((newline = pending.indexOf("\n")) !== -1) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        if (line.startsWith("training") && trainingAt === 0) {
          trainingAt = performance.now();
          if (killAfter !== undefined) killTimer = setTimeout(() => child.kill("SIGKILL"), killAfter);
        }
      }
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      clearTimeout(watchdog);
      clearTimeout(killTimer);
      const trainingMs = trainingAt === 0 ? 0 : performance.now() - trainingAt;
      if (signal === "SIGKILL" && killAfter !== undefined && trainingAt !== 0) resolvePromise({ killed: true, trainingMs });
      else if (code === 0) resolvePromise({ killed: false, trainingMs });
      else reject(new Error(`train.ts ${extra.join(" ")} failed (exit code ${code}, signal ${signal})`));
    });
  });
}

/** How long one checkpoint write (with its fsyncs) takes on this disk, for a checkpoint of this demo's size. */
function measureCheckpointWrite(directory: string): number {
  const path = join(directory, "calibration.json");
  const state = { weights: new Float64Array(3 * 1024), words: Array.from({ length: 64 }, (_, i) => `word${i}`) };
  const start = performance.now();
  for (let i = 0; i < 3; i++) saveCheckpoint(path, state);
  const each = (performance.now() - start) / 3;
  rmSync(path, { force: true });
  return each;
}

const n = (value: number): string => value.toLocaleString("en-US");
const plural = (count: number, noun: string): string => `${n(count)} ${noun}${count === 1 ? "" : "s"}`;
const ms = (value: number): string =>
  (value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)).padStart(6) + " ms";

async function main(): Promise<boolean> {
  const started = performance.now();
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const corpus = ensureCorpus(lines, corpusSeed, corpusDir);
  const common = ["--lines", String(lines), "--seed", String(corpusSeed), "--corpus-dir", corpusDir, "--every", String(every), "--quiet"];
  console.log(
    `Training stream demo: ${n(lines)} lines (${relative(projectRoot, corpus)}), checkpoint every ${every} batches, kill seed ${killSeed}`,
  );

  const referenceLog = join(work, "reference.jsonl");
  const reference = await runTraining([...common, "--no-checkpoint", "--events", referenceLog], undefined);
  const ref = readEvents(referenceLog);
  if (!ref.done) throw new Error("the reference run did not finish");
  const total = ref.batches.length;
  console.log(
    `Reference, uninterrupted (no checkpoints): ${n(total)} batches in ${(reference.trainingMs / 1000).toFixed(2)} s, final weights sha256 ${String(ref.done["weightsSha256"]).slice(0, 16)}…`,
  );

  // Kill moments: uniform over 4–30% of a full run's expected training time
  // (the reference's time plus the checkpoint writes, whose fsyncs dominate
  // on slow disks), so that the killed runs together cover most of the data.
  const checkpointMs = measureCheckpointWrite(work);
  const expectedMs = reference.trainingMs + Math.ceil(total / every) * checkpointMs;
  const random = seededRandom(killSeed);
  const runs: Events[] = [];
  const outcomes: RunResult[] = [];
  let kills = 0;
  for (let r = 1; ; r++) {
    if (r > wantedKills + 20) throw new Error("too many runs");
    const killAfter = kills < wantedKills ? Math.round(expectedMs * (0.04 + 0.26 * random())) : undefined;
    const log = join(work, `run-${r}.jsonl`);
    const outcome = await runTraining([...common, "--checkpoint", checkpointPath, "--events", log, "--measure-skip"], killAfter);
    runs.push(readEvents(log));
    outcomes.push(outcome);
    if (!outcome.killed) break;
    kills++;
  }

  // ---- the checks ----
  const failures: string[] = [];
  const refDigests = ref.batches.map((b) => b.digest);
  ref.batches.forEach((b, i) => {
    if (b.index !== i) failures.push(`reference: batch ${i} logged as ${b.index}`);
  });
  const starts = runs.map((run) => run.resume?.batch ?? 0);
  const covered: number[] = [];
  let lostWork = 0;
  console.log("");
  runs.forEach((run, r) => {
    const start = starts[r]!;
    const label = `run ${r + 1}`.padEnd(7);
    const last = run.batches.length > 0 ? run.batches[run.batches.length - 1]!.index : start - 1;
    const lastCheckpoint = run.checkpoints.length > 0 ? run.checkpoints[run.checkpoints.length - 1]! : undefined;
    let line = `${label}`;
    if (run.resume) {
      const s = run.resume;
      line += `resumed at batch ${n(start)}: restore ${ms(s.restoreMs)}   reopen-and-skip ${ms(s.skipMs)} (re-reading the ${n(s.lines)} lines alone: ${ms(s.readMs).trim()})`;
      if (s.nextDigest !== (refDigests[start] ?? null))
        failures.push(`${label.trim()}: replaying the pipeline from the start did not reach the reference's batch ${start}`);
    } else {
      line += "started fresh";
      if (r > 0 && runs.slice(0, r).some((previous) => previous.checkpoints.length > 0))
        failures.push(`${label.trim()}: started fresh although a checkpoint had been written`);
    }
    console.log(line);
    const outcome = outcomes[r]!;
    const trained = last < start ? "trained no batch" : `trained batches ${n(start)}–${n(last)}`;
    let how = "finished";
    if (outcome.killed) {
      const next = starts[r + 1];
      const base = lastCheckpoint ?? start;
      const writing =
        next !== base && (next === base + every || next === total)
          ? ` (the kill came right after checkpoint ${n(next!)} was renamed into place)`
          : next === base && (last + 1 === base - (base % every) + every || last + 1 === total)
            ? ` (the kill came while checkpoint ${n(last + 1)} was being written)`
            : "";
      how = `SIGKILL after ${(outcome.trainingMs / 1000).toFixed(2)} s; last checkpoint logged: ${lastCheckpoint === undefined ? "none" : n(lastCheckpoint)}${writing}`;
    }
    console.log(`         ${trained}, ${how}`);
    // Every batch this run trained is the reference's batch at that index.
    const misplaced = run.batches.findIndex((b, k) => b.index !== start + k);
    if (misplaced !== -1) failures.push(`${label.trim()}: batch ${start + misplaced} logged as ${run.batches[misplaced]!.index}`);
    const differing = run.batches.filter((b) => b.digest !== refDigests[b.index]);
    if (differing.length > 0) {
      const first = differing[0]!;
      failures.push(
        `${label.trim()}: ${n(differing.length)} of its ${n(run.batches.length)} batches differ from the reference's, the first at batch ${n(first.index)} (digest ${first.digest}, reference ${refDigests[first.index]})`,
      );
    }
    // The next run resumes at the last checkpoint this one completed, or the
    // one it was writing when killed (renamed into place, not yet logged):
    // the next periodic one, or the final one written after the last batch.
    if (r + 1 < runs.length) {
      const next = starts[r + 1]!;
      const allowed = lastCheckpoint === undefined ? [start, start - (start % every) + every] : [lastCheckpoint, lastCheckpoint + every];
      if (last === total - 1) allowed.push(total);
      if (!allowed.includes(next) || next > last + 1)
        failures.push(`${label.trim()}: the next run resumed at batch ${next}; the last checkpoint was ${lastCheckpoint ?? start}`);
      covered.push(...run.batches.filter((b) => b.index < next).map((b) => b.index));
      lostWork += run.batches.filter((b) => b.index >= next).length;
    } else {
      covered.push(...run.batches.map((b) => b.index));
    }
  });
  // Taken together: each batch once, in order.
  const inOrder = covered.length === total && covered.every((index, i) => index === i);
  if (!inOrder) {
    const missing = refDigests.map((_, i) => i).filter((i) => !covered.includes(i));
    failures.push(
      `the runs together trained ${covered.length} batches, the reference ${total}${missing.length ? `; missing from ${missing[0]}` : ""}`,
    );
  }
  const final = runs[runs.length - 1]!.done;
  const compared = ["steps", "examples", "weightsSha256", "biasBits", "lossSumBits", "correct", "vocabulary"];
  const different = final ? compared.filter((key) => final[key] !== ref.done![key]) : compared;
  if (different.length > 0) failures.push(`final model differs from the reference in: ${different.join(", ")}`);
  if (kills === 0 || !runs.some((run) => run.resume))
    failures.push("no run was killed and resumed: the demo proved nothing (try another --kill-seed)");

  console.log("");
  const check = (ok: boolean, text: string): void => console.log(`${ok ? "✓" : "✗"} ${text}`);
  const resumes = runs.filter((run) => run.resume).length;
  check(
    !failures.some((f) => f.includes("resumed at") || f.includes("started fresh") || f.includes("replaying")),
    `${plural(kills, "SIGKILL")}, ${plural(resumes, "resume")}, each from the last checkpoint (the reopen-and-skip replay reached the same batch each time)`,
  );
  check(
    inOrder && !failures.some((f) => f.includes("differ from the reference's") || f.includes("logged as")),
    `batches: ${n(covered.length)} trained once each, in the reference's order, none lost, none repeated (${n(lostWork)} trained after a last checkpoint were redone)`,
  );
  check(
    different.length === 0 && final !== undefined,
    `final model bit-identical to the uninterrupted run: weights sha256 ${String(final?.["weightsSha256"] ?? "-").slice(0, 16)}…, bias 0x${final?.["biasBits"] ?? "-"}, ` +
      `loss sum 0x${final?.["lossSumBits"] ?? "-"}, ${n(Number(final?.["examples"] ?? 0))} examples`,
  );
  for (const failure of failures.slice(0, 20)) console.log(`  - ${failure}`);
  if (failures.length > 20) console.log(`  … and ${failures.length - 20} more`);
  console.log(`${failures.length === 0 ? "OK" : "FAILED"} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return failures.length === 0;
}

main().then(
  (ok) => {
    process.exitCode = ok ? 0 : 1;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
