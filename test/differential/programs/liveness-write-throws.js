// The write's own value may throw, so a catch or finally around it can read
// the old value: an exceptional edge skips the write, and the local stays live.
export const log = [];

const risky = (n) => {
  if (n === 2) throw new Error(`bad ${n}`);
  return `v${n}`;
};

/* @resumable */
export function* main() {
  // The catch is inside the loop: reached from the yield through the back edge.
  let value = "initial";
  for (let n = 0; n < 4; n++) {
    try {
      value = risky(n);
      log.push(`got ${value}`);
    } catch (e) {
      log.push(`caught ${e.message}, old ${value}`);
    }
    yield n;
  }
  // The finally is around the loop: reached after the write throws.
  let last = "none";
  try {
    for (let n = 0; n < 4; n++) {
      yield `outer ${n}`;
      last = risky(n);
      log.push(last);
    }
  } catch (e) {
    log.push(`outer caught ${e.message}`);
  } finally {
    log.push(`finally sees ${last}`);
  }
  // An expression between the yield and the write throws.
  let kept = "kept0";
  for (let n = 0; n < 3; n++) {
    try {
      yield `between ${n}`;
      log.push(risky(n + 1));
      kept = `kept${n + 1}`;
      log.push(kept);
    } catch (e) {
      log.push(`between caught, kept is ${kept}`);
    }
  }
  return [value, last, kept];
}

export const create = () => main();
