// The stepping cases of the benchmark. This file runs as is (native
// generators) and is compiled twice by bench/lib/compile.js: with our plugin
// and with @babel/plugin-transform-regenerator. Keep it plain JavaScript.

/** (a) A tight counter loop. */
/* @resumable */
export function* counter(n) {
  for (let i = 0; i < n; i++) yield i;
}

/** (c) A loop with try/finally around the yield. */
/* @resumable */
export function* guarded(n) {
  let closed = 0;
  for (let i = 0; i < n; i++) {
    try {
      yield i;
    } finally {
      closed++;
    }
  }
  return closed;
}

/** (d) for…of over an array with a yield inside. */
/* @resumable */
export function* doubled(values) {
  for (const value of values) yield value * 2;
}

/**
 * (e) A short generator per item, run by yield*: what creating a generator
 * costs (its frame and fields) when many generator types are in use.
 */
/* @resumable */
export function* signed(value) {
  yield value;
  yield -value;
}

/* @resumable */
export function* eachSigned(values) {
  for (const value of values) yield* signed(value);
}

// (b) A three-level pipeline over in-memory text: lines → windows → batches.
// Level 1 re-emits the text `passes` times with yield*; levels 2 and 3 read
// the level below with for…of. One item of the pipeline is one batch.

/* @resumable */
export function* lines(text, passes) {
  for (let pass = 0; pass < passes; pass++) yield* text;
}

/* @resumable */
export function* windows(text, passes, size) {
  let window = [];
  for (const line of lines(text, passes)) {
    window.push(line);
    if (window.length === size) {
      yield window;
      window = [];
    }
  }
  if (window.length > 0) yield window;
}

/* @resumable */
export function* batches(text, passes, size) {
  let seen = 0;
  let chars = 0;
  for (const window of windows(text, passes, size)) {
    let width = 0;
    for (const line of window) width += line.length;
    seen += window.length;
    chars += width;
    yield { seen, chars, width };
  }
  return seen;
}
