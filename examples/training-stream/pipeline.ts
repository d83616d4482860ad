/**
 * The data pipeline: lines → sliding windows of word ids → minibatches.
 * Both stages are resumable generators, so the position in the stream (the
 * file offset, the line being cut into windows, the half-filled batch) is
 * saved with a checkpoint and comes back exactly.
 */
import { readLines } from "resumable-generators/node";
import type { Vocabulary } from "./vocabulary.ts";

export interface Example {
  /** Position of the example in the stream: 0, 1, 2, … */
  serial: number;
  /** The `window` word ids before the target. */
  context: number[];
  target: number;
  /** 1 when the target word is a noun. */
  label: number;
  /** Byte offset in the corpus just after the example's line (for progress). */
  offset: number;
}

/**
 * Every run of `window + 1` consecutive words of a line: the first `window`
 * are the context, the last one the word to predict. Words get their ids
 * from `vocab`, which grows as new words appear.
 */
/* @resumable */
export function* trainingExamples(path: string, window: number, vocab: Vocabulary): Generator<Example, number, undefined> {
  let serial = 0;
  const lines = readLines(path);
  for (const line of lines) {
    const ids: number[] = [];
    for (const word of line.split(" ")) {
      if (word !== "") ids.push(vocab.idOf(word));
    }
    for (let i = window; i < ids.length; i++) {
      const target = ids[i]!;
      yield { serial: serial++, context: ids.slice(i - window, i), target, label: vocab.isNoun(target) ? 1 : 0, offset: lines.offset };
    }
  }
  return serial;
}

/** Groups `examples` into arrays of `size` (the last one may be shorter). */
/* @resumable */
export function* minibatches<T>(examples: Iterable<T>, size: number): Generator<T[], void, undefined> {
  let batch: T[] = [];
  for (const example of examples) {
    batch.push(example);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
