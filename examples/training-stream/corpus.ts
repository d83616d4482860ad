/**
 * The training corpus, generated deterministically on first use into
 * .cache/training-stream/ (never committed): sentences from a small grammar
 * in which nouns, and only nouns, are capitalized. The model learns to
 * predict from a few words of context whether the next word is a noun.
 *
 * The text exercises the line reader: accented words and emoji (multi-byte
 * UTF-8, split across read chunks somewhere in the file), some "\r\n" line
 * ends, a few empty lines, and no newline after the last line.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const cacheDir = join(projectRoot, ".cache", "training-stream");

const DETERMINERS = ["the", "a", "every", "some", "this", "that", "no", "one", "each"];
const ADJECTIVES = ["quick", "lazy", "naïve", "grüne", "bold", "quiet", "rusty", "tiny", "ancient", "blasé", "crisp", "señorial"];
const NOUNS = [
  "Fox",
  "Dog",
  "Café",
  "Zürich",
  "Straße",
  "Ærø",
  "Jalapeño",
  "Façade",
  "Smörgåsbord",
  "Robot",
  "Model",
  "River",
  "Idea",
  "Garden",
  "Œuvre",
  "Piñata",
];
const VERBS = ["jumps", "sees", "likes", "follows", "visits", "paints", "finds", "ignores", "maps", "counts"];
const ADVERBS = ["quickly", "rarely", "often", "très", "sometimes", "☕", "🚀", "again"];
const PREPOSITIONS = ["over", "near", "under", "with", "beyond", "für"];

/** mulberry32: a tiny seeded generator, the same numbers on every platform. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(random: () => number): string {
  const pick = (list: string[]): string => list[Math.floor(random() * list.length)]!;
  const phrase = (words: string[]): void => {
    words.push(pick(DETERMINERS));
    if (random() < 0.6) words.push(pick(ADJECTIVES));
    if (random() < 0.2) words.push(pick(ADJECTIVES));
    words.push(pick(NOUNS));
  };
  const words: string[] = [];
  phrase(words);
  words.push(pick(VERBS));
  if (random() < 0.3) words.push(pick(ADVERBS));
  phrase(words);
  if (random() < 0.4) {
    words.push(pick(PREPOSITIONS));
    phrase(words);
  }
  return words.join(" ");
}

/** The corpus text, line by line (with its line ends). */
export function* corpusLines(lines: number, seed: number): Generator<string> {
  const random = seededRandom(seed);
  for (let i = 0; i < lines; i++) {
    const text = random() < 0.002 ? "" : sentence(random);
    const end = i === lines - 1 ? "" : random() < 0.08 ? "\r\n" : "\n";
    yield text + end;
  }
}

/**
 * The path of the corpus with these parameters, generating it first if it
 * is not there. Written to a temporary file and renamed, so an interrupted
 * generation never leaves a partial corpus behind.
 */
export function ensureCorpus(lines: number, seed: number, directory = cacheDir): string {
  const path = join(directory, `corpus-${lines}-seed${seed}.txt`);
  if (existsSync(path)) return path;
  mkdirSync(directory, { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, "w");
  try {
    let pending: string[] = [];
    let size = 0;
    for (const line of corpusLines(lines, seed)) {
      pending.push(line);
      size += line.length;
      if (size > 1 << 20) {
        writeAll(fd, pending.join(""));
        pending = [];
        size = 0;
      }
    }
    writeAll(fd, pending.join(""));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  return path;
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, "utf8");
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
}

/** Nouns are the capitalized words. */
export function isNoun(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}
