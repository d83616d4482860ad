// Ordinary code iterates a resumable generator with for-of and breaks: the generator's finally runs.
export const log = [];

/* @resumable */
export function* main(limit) {
  try {
    for (let i = 0; i < limit; i++) {
      yield i;
    }
  } finally {
    log.push(["closed", limit]);
    yield "yield in finally while closing";
    log.push("after finally yield");
  }
}

export const create = () => {
  for (const v of main(10)) {
    log.push(["saw", v]);
    if (v === 2) break;
  }
  try {
    for (const v of main(10)) {
      if (v === 1) throw new Error("leave by throw");
    }
  } catch (e) {
    log.push(["caught", e.message]);
  }
  return main(3);
};
