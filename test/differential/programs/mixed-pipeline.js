// A three-stage pipeline of resumable generators (source -> filter -> map) consumed by main, closed early.
export const log = [];

/* @resumable */
function* source(limit) {
  try {
    for (let i = 1; i <= limit; i++) yield i;
  } finally {
    log.push("source closed");
  }
}

/* @resumable */
function* onlyOdd(input) {
  try {
    for (const v of input) {
      if (v % 2 === 1) yield v;
    }
  } finally {
    log.push("filter closed");
  }
}

/* @resumable */
function* squared(input) {
  for (const v of input) yield v * v;
}

/* @resumable */
export function* main() {
  const seen = [];
  for (const v of squared(onlyOdd(source(20)))) {
    const sent = yield v;
    seen.push(v);
    if (sent === 50 || v > 100) break;
  }
  return seen;
}

export const create = () => main();
