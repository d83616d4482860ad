// Generator types run before any stepping measurement, so the shared call
// sites of each implementation (native resume, our Frame methods,
// regenerator-runtime's invoke) have seen many generator types, as in a real
// program. Every function takes a size `n` and yields numbers. No destructuring:
// @babel/plugin-transform-regenerator alone cannot hoist it.

/* @resumable */
export function* evens(n) {
  let i = 0;
  while (i < n) {
    if (i % 2 === 0) yield i;
    i++;
  }
}

/* @resumable */
export function* squares(n) {
  for (let i = 0; i < n; i++) {
    const square = i * i;
    yield square;
  }
}

/* @resumable */
export function* fibonacci(n) {
  let a = 0;
  let b = 1;
  for (let i = 0; i < n; i++) {
    yield a;
    const next = a + b;
    a = b;
    b = next;
  }
}

/* @resumable */
export function* chunks(n) {
  let chunk = [];
  for (let i = 0; i < n; i++) {
    chunk.push(i);
    if (chunk.length === 3) {
      yield chunk.length;
      chunk = [];
    }
  }
}

/* @resumable */
export function* caught(n) {
  for (let i = 0; i < n; i++) {
    try {
      if (i % 7 === 6) throw new Error("skip");
      yield i;
    } catch (error) {
      yield -1;
    }
  }
}

/* @resumable */
export function* keyed(n) {
  const table = new Map();
  for (let i = 0; i < n; i++) table.set(i, i * 3);
  for (const entry of table) yield entry[0] + entry[1];
}

/* @resumable */
export function* letters(n) {
  const text = "abcdefghijklmnopqrstuvwxyz".repeat(Math.ceil(n / 26)).slice(0, n);
  for (const char of text) yield char.charCodeAt(0);
}

/* @resumable */
export function* delegating(n) {
  let total = 0;
  for (let i = 0; i < n; i += 4) total += yield* squares(Math.min(4, n - i));
  return total;
}

/* @resumable */
export function* switching(n) {
  for (let i = 0; i < n; i++) {
    switch (i % 3) {
      case 0:
        yield i;
        break;
      case 1:
        yield i * 10;
        break;
      default:
        yield -i;
    }
  }
}

/* @resumable */
export function* nested(n) {
  const side = Math.ceil(Math.sqrt(n));
  let count = 0;
  outer: for (let row = 0; row < side; row++) {
    for (let column = 0; column < side; column++) {
      if (count++ >= n) break outer;
      yield row * side + column;
    }
  }
}

/* @resumable */
export function* accumulate(n) {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const sent = yield sum;
    sum += sent === undefined ? i : sent;
  }
}

/* @resumable */
export function* objects(n) {
  const record = { id: 0, label: "x" };
  for (let i = 0; i < n; i++) {
    record.id = i;
    yield record.id + record.label.length;
  }
}
