/**
 * A tiny logistic regression: from the ids of the `window` words before a
 * position, the probability that the word there is a noun. Plain SGD, one
 * example at a time, with a learning rate that decays with the step count,
 * so the final weights depend on the exact order of every example: a batch
 * lost, repeated or reordered by a crash changes them.
 *
 * All state is in one plain object with a Float64Array, which a checkpoint
 * saves bit for bit.
 */
import { createHash } from "node:crypto";
import type { Example } from "./pipeline.ts";

/** Weight rows per context position; ids past it share the last row. */
export const CAPACITY = 1024;

export interface Model {
  window: number;
  /** weights[position * CAPACITY + id] */
  weights: Float64Array;
  bias: number;
  /** Batches and examples trained on. */
  steps: number;
  examples: number;
  /** Sums over all examples seen (before each update): log loss and correct predictions. */
  lossSum: number;
  correct: number;
}

export function createModel(window: number): Model {
  return { window, weights: new Float64Array(window * CAPACITY), bias: 0, steps: 0, examples: 0, lossSum: 0, correct: 0 };
}

/** One SGD pass over the batch, in order; returns the batch's mean log loss. */
export function trainBatch(model: Model, batch: Example[]): number {
  const { window, weights } = model;
  const rate = 0.5 / Math.sqrt(1 + model.steps / 100);
  let batchLoss = 0;
  for (const example of batch) {
    let z = model.bias;
    for (let p = 0; p < window; p++) z += weights[p * CAPACITY + Math.min(example.context[p]!, CAPACITY - 1)]!;
    const probability = 1 / (1 + Math.exp(-z));
    const loss = -Math.log(Math.max(1e-12, example.label === 1 ? probability : 1 - probability));
    batchLoss += loss;
    model.lossSum += loss;
    if ((probability >= 0.5 ? 1 : 0) === example.label) model.correct++;
    const gradient = probability - example.label;
    model.bias -= rate * gradient;
    for (let p = 0; p < window; p++) weights[p * CAPACITY + Math.min(example.context[p]!, CAPACITY - 1)] -= rate * gradient;
  }
  model.steps++;
  model.examples += batch.length;
  return batchLoss / batch.length;
}

/** The bits of a double, in hex: equal strings mean bit-identical numbers. */
export function bitsOf(value: number): string {
  return Buffer.from(new Float64Array([value]).buffer).toString("hex");
}

/** Everything the final model is, in a form two runs can compare exactly. */
export interface ModelSummary {
  steps: number;
  examples: number;
  weightsSha256: string;
  biasBits: string;
  lossSumBits: string;
  correct: number;
  /** For people: */
  bias: number;
  meanLoss: number;
  accuracy: number;
}

export function summarize(model: Model): ModelSummary {
  return {
    steps: model.steps,
    examples: model.examples,
    weightsSha256: createHash("sha256")
      .update(new Uint8Array(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength))
      .digest("hex"),
    biasBits: bitsOf(model.bias),
    lossSumBits: bitsOf(model.lossSum),
    correct: model.correct,
    bias: model.bias,
    meanLoss: model.examples === 0 ? 0 : model.lossSum / model.examples,
    accuracy: model.examples === 0 ? 0 : model.correct / model.examples,
  };
}

/** A short digest of exactly which examples a batch holds, in which order. */
export function batchDigest(batch: Example[]): string {
  const hash = createHash("sha256");
  const numbers = new Int32Array(batch.length * (3 + (batch[0]?.context.length ?? 0)));
  let i = 0;
  for (const example of batch) {
    numbers[i++] = example.serial;
    for (const id of example.context) numbers[i++] = id;
    numbers[i++] = example.target;
    numbers[i++] = example.label;
  }
  hash.update(new Uint8Array(numbers.buffer, 0, i * 4));
  return hash.digest("hex").slice(0, 16);
}
