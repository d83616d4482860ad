// Eight small generator types, sync and async, for bench/experiments/creation.js:
// creating generators of several types in turn is what makes code shared by
// all frame classes megamorphic. Keep it plain JavaScript.

/* @resumable */
export function* g0(n) {
  yield n;
}

/* @resumable */
export function* g1(n) {
  const doubled = n * 2;
  yield doubled;
}

/* @resumable */
export function* g2(n) {
  let sum = 0;
  for (let i = 0; i < 2; i++) sum += yield n + i;
  return sum;
}

/* @resumable */
export function* g3(n) {
  try {
    yield n;
  } finally {
    n = 0;
  }
}

/* @resumable */
export function* g4(n) {
  const box = [n];
  yield box[0];
}

/* @resumable */
export function* g5(n) {
  const text = String(n);
  yield text.length;
}

/* @resumable */
export function* g6(n) {
  if (n % 2 === 0) yield n;
  else yield -n;
}

/* @resumable */
export function* g7(n) {
  let last = n;
  while (last > n - 1) yield last--;
}

/* @resumable */
export async function* a0(n) {
  yield n;
}

/* @resumable */
export async function* a1(n) {
  const doubled = n * 2;
  yield doubled;
}

/* @resumable */
export async function* a2(n) {
  let sum = 0;
  for (let i = 0; i < 2; i++) sum += yield n + i;
  return sum;
}

/* @resumable */
export async function* a3(n) {
  try {
    yield n;
  } finally {
    n = 0;
  }
}

/* @resumable */
export async function* a4(n) {
  const box = [n];
  yield box[0];
}

/* @resumable */
export async function* a5(n) {
  const text = String(n);
  yield text.length;
}

/* @resumable */
export async function* a6(n) {
  if (n % 2 === 0) yield n;
  else yield -n;
}

/* @resumable */
export async function* a7(n) {
  let last = n;
  while (last > n - 1) yield last--;
}
