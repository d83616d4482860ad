// for-of over a native (unannotated) generator: works, but cannot be snapshotted mid-loop.
export const log = [];

function* nativeRange(n) {
  try {
    for (let i = 0; i < n; i++) yield i;
  } finally {
    log.push("native closed");
  }
}

/* @resumable */
export function* main() {
  let sum = 0;
  for (const i of nativeRange(6)) {
    sum += i;
    const sent = yield i;
    if (sent === 40) break;
  }
  return sum;
}

export const create = () => main();
export const snapshotRefusal = true;
