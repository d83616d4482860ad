// The async stepping cases of the benchmark: async generators as a data
// stream uses them. Like stepping.js, this file runs as is (native async
// generators) and is compiled with our plugin and with regenerator (after
// @babel/plugin-transform-async-generator-functions, as a real build that
// targets regenerator does). Keep it plain JavaScript.

/** (a) A tight counter loop. */
/* @resumable */
export async function* asyncCounter(n) {
  for (let i = 0; i < n; i++) yield i;
}

/** (b) An await inside the loop: every step suspends twice (the await, then the yield). */
/* @resumable */
export async function* asyncAwaiting(n) {
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += await i;
    yield total;
  }
}

/** (c) A two-level pipeline: `for await` over an async generator, one item out per item in. */
/* @resumable */
export async function* asyncScaled(n) {
  for await (const value of asyncCounter(n)) yield value * 2;
}

/** (d) try/finally around the yield. */
/* @resumable */
export async function* asyncGuarded(n) {
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

// Async generator types run before any measurement, so the shared call sites
// of each implementation have seen many types, as in a real program.

/* @resumable */
export async function* warmupEvens(n) {
  let i = 0;
  while (i < n) {
    if (i % 2 === 0) yield i;
    i++;
  }
}

/* @resumable */
export async function* warmupSums(n) {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += i;
    if (i % 3 === 0) yield sum;
  }
}

/* @resumable */
export async function* warmupDelegating(n) {
  yield* warmupEvens(n);
  yield -1;
}

/* @resumable */
export async function* warmupAwaitingPromises(n) {
  for (let i = 0; i < n; i++) yield await Promise.resolve(i * 3);
}

/* @resumable */
export async function* warmupCaught(n) {
  for (let i = 0; i < n; i++) {
    try {
      if (i % 5 === 0) throw new Error("skip");
      yield i;
      // A binding: regenerator's emitter cannot compile `catch {` without one.
    } catch (error) {
      yield error.message.length - i;
    }
  }
}

/* @resumable */
export async function* warmupOverArray(n) {
  const values = [];
  for (let i = 0; i < n; i++) values.push(i);
  for await (const value of values) yield value + 1;
}
