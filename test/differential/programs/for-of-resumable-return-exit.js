// A return statement inside for-of over a resumable generator closes the inner generator first.
export const log = [];

/* @resumable */
function* letters() {
  try {
    yield "a";
    yield "b";
    yield "c";
  } finally {
    log.push("letters closed");
  }
}

/* @resumable */
export function* main() {
  for (const letter of letters()) {
    const sent = yield letter;
    if (sent === 20) return `returned at ${letter}`;
  }
  return "fell through";
}

export const create = () => main();
