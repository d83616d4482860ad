// `for await` over another resumable async generator (and over a sync one):
// a snapshot inside the loop saves both generators.
export const log = [];

/* @resumable */
export async function* numbers(n) {
  try {
    for (let i = 0; i < n; i++) {
      await null;
      log.push(`inner ${i}`);
      yield i * i;
    }
  } finally {
    log.push("inner finally");
    await Promise.resolve();
  }
}

/* @resumable */
export function* letters() {
  yield "p";
  yield "q";
}

/* @resumable */
export async function* main() {
  let total = 0;
  for await (const sq of numbers(4)) {
    total += sq;
    yield `sq ${sq}`;
    if (sq === 4) break;
  }
  for await (const letter of letters()) {
    yield letter;
  }
  return total;
}

export const create = () => main();
