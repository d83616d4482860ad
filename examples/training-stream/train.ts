/**
 * The training program. Run it, kill it whenever you like, run it again:
 * it continues from the last checkpoint as if it had never stopped.
 *
 *   node --import resumable-generators/register examples/training-stream/train.ts [options]
 *
 *   --lines N         corpus size in lines (default 50000), generated on first use
 *   --seed N          corpus seed (default 1)
 *   --window N        context words per example (default 3)
 *   --batch N         examples per minibatch (default 32)
 *   --every N         checkpoint every N batches (default 250)
 *   --checkpoint P    checkpoint file (default .cache/training-stream/checkpoint.ckpt)
 *   --fresh           ignore an existing checkpoint and start over
 *   --no-checkpoint   never write a checkpoint (a reference run)
 *   --events P        append one JSON line per event (batches, checkpoints, resume, result) to P
 *   --measure-skip    on resume, also time the reopen-and-skip alternative at the same position
 *   --quiet           no progress bar and no messages, only "training …" and "done" on stdout
 *
 * The checkpoint holds the whole state in one atomic write: the two
 * pipeline generators (and, inside them, the line reader's position), the
 * vocabulary they share with the trainer, and the model.
 */
import { closeSync, openSync, rmSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadCheckpoint, readLines, saveCheckpoint } from "resumable-generators/node";
import { cacheDir, ensureCorpus } from "./corpus.ts";
import { batchDigest, createModel, summarize, trainBatch, type Model } from "./model.ts";
import { minibatches, trainingExamples, type Example } from "./pipeline.ts";
import { ProgressBar } from "./progress.ts";
import { Vocabulary } from "./vocabulary.ts";

interface TrainingState {
  corpus: string;
  window: number;
  batchSize: number;
  vocab: Vocabulary;
  /** The examples generator, also held (as a local) by the batches generator: saved once, shared after loading. */
  examples: Generator<Example, number, undefined>;
  batches: Generator<Example[], void, undefined>;
  model: Model;
  /** Batches trained on so far, which is the index of the next one. */
  nextBatch: number;
  /** Byte offset in the corpus after the line of the last example trained on. */
  position: number;
  /** Moving average of the batch loss, for the progress bar. */
  recentLoss: number;
}

const { values: args } = parseArgs({
  options: {
    lines: { type: "string", default: "50000" },
    seed: { type: "string", default: "1" },
    window: { type: "string", default: "3" },
    batch: { type: "string", default: "32" },
    every: { type: "string", default: "250" },
    checkpoint: { type: "string", default: join(cacheDir, "checkpoint.ckpt") },
    "corpus-dir": { type: "string", default: cacheDir },
    fresh: { type: "boolean", default: false },
    "no-checkpoint": { type: "boolean", default: false },
    events: { type: "string" },
    "measure-skip": { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
  },
});

function count(name: keyof typeof args): number {
  const value = Number(args[name]);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const window = count("window");
const batchSize = count("batch");
const every = count("every");
const checkpointing = !args["no-checkpoint"];
const checkpointPath = args.checkpoint!;
const quiet = args.quiet;
const say = (text: string): void => {
  if (!quiet) process.stderr.write(`${text}\n`);
};

const eventsFd = args.events ? openSync(args.events, "a") : null;
/** One write() per event: a SIGKILL can stop the process between two events, never inside one. */
function emit(record: Record<string, unknown>): void {
  if (eventsFd !== null) writeSync(eventsFd, `${JSON.stringify(record)}\n`);
}

const corpus = ensureCorpus(count("lines"), count("seed"), args["corpus-dir"]);
const corpusSize = statSync(corpus).size;
if (args.fresh) rmSync(checkpointPath, { force: true });

function freshState(): TrainingState {
  const vocab = new Vocabulary();
  const examples = trainingExamples(corpus, window, vocab);
  const batches = minibatches(examples, batchSize);
  return { corpus, window, batchSize, vocab, examples, batches, model: createModel(window), nextBatch: 0, position: 0, recentLoss: 0 };
}

/**
 * What a program without resumable generators does to get back to the same
 * place: reopen the file and run the pipeline again from the start, throwing
 * away `skip` batches (the vocabulary has to be rebuilt too). Also times the
 * cheapest part of it alone, re-reading the lines up to the same byte.
 */
function measureReopenAndSkip(
  skip: number,
  position: number,
): { skipMs: number; readMs: number; lines: number; nextDigest: string | null } {
  const start = performance.now();
  const batches = minibatches(trainingExamples(corpus, window, new Vocabulary()), batchSize);
  for (let i = 0; i < skip; i++) batches.next();
  const skipMs = performance.now() - start;
  const next = batches.next();
  batches.return(undefined);
  const readStart = performance.now();
  const lines = readLines(corpus);
  while (lines.offset < position && !lines.next().done);
  const readMs = performance.now() - readStart;
  const lineCount = lines.lineNumber;
  lines.return();
  return { skipMs, readMs, lines: lineCount, nextDigest: next.done ? null : batchDigest(next.value) };
}

const restoreStart = performance.now();
let state = checkpointing ? loadCheckpoint<TrainingState>(checkpointPath) : undefined;
const restoreMs = performance.now() - restoreStart;
if (state !== undefined) {
  if (state.corpus !== corpus || state.window !== window || state.batchSize !== batchSize) {
    throw new Error(`${checkpointPath} was written for another corpus, window or batch size; pass --fresh to start over`);
  }
  const skip = args["measure-skip"] ? measureReopenAndSkip(state.nextBatch, state.position) : undefined;
  emit({ event: "resume", batch: state.nextBatch, position: state.position, restoreMs, ...skip });
  say(`resumed at batch ${state.nextBatch} (byte ${state.position} of ${corpusSize}) in ${restoreMs.toFixed(1)} ms`);
} else {
  state = freshState();
  emit({ event: "start" });
}
process.stdout.write(`training from batch ${state.nextBatch}\n`);

const progress = quiet ? null : new ProgressBar(process.stderr);
const started = performance.now();
for (;;) {
  const result = state.batches.next();
  if (result.done) break;
  const batch = result.value;
  const loss = trainBatch(state.model, batch);
  state.recentLoss = state.nextBatch === 0 ? loss : 0.98 * state.recentLoss + 0.02 * loss;
  const index = state.nextBatch++;
  state.position = batch[batch.length - 1]!.offset;
  if (eventsFd !== null) emit({ event: "batch", index, digest: batchDigest(batch) });
  progress?.update(state.position / corpusSize, `batch ${index + 1}  loss ${state.recentLoss.toFixed(4)}  vocabulary ${state.vocab.size}`);
  if (checkpointing && state.nextBatch % every === 0) {
    saveCheckpoint(checkpointPath, state);
    emit({ event: "checkpoint", batch: state.nextBatch });
  }
}
progress?.update(1, `batch ${state.nextBatch}  loss ${state.recentLoss.toFixed(4)}  vocabulary ${state.vocab.size}`, true);
progress?.finish();
// The finished state too: running again prints the result instead of training again.
if (checkpointing) saveCheckpoint(checkpointPath, state);
const summary = summarize(state.model);
emit({ event: "done", seconds: (performance.now() - started) / 1000, vocabulary: state.vocab.size, ...summary });
if (eventsFd !== null) closeSync(eventsFd);
say(
  `done: ${summary.steps} batches, ${summary.examples} examples; mean loss ${summary.meanLoss.toFixed(4)}, ` +
    `accuracy ${(summary.accuracy * 100).toFixed(2)}%, vocabulary ${state.vocab.size} words\n` +
    `model: weights sha256 ${summary.weightsSha256.slice(0, 16)}…, bias ${summary.bias} (0x${summary.biasBits})`,
);
process.stdout.write("done\n");
