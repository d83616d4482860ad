// A small script with state worth keeping: a running total, a Map of
// counts, a nested generator, and a position in the middle of a loop.

/* @resumable */
function* words(text) {
  for (const word of text.split(" ")) {
    if (word) yield word.toLowerCase();
  }
}

/* @resumable */
export function* story(text) {
  const counts = new Map();
  let letters = 0;
  for (const word of words(text)) {
    letters += word.length;
    counts.set(word, (counts.get(word) ?? 0) + 1);
    yield `${word.padEnd(8)} seen ${counts.get(word)}x, ${letters} letters so far`;
  }
  return { distinct: counts.size, letters };
}

export const TEXT = "the cat saw the dog and the dog saw the cat run";
