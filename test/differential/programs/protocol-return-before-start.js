// return(v) before the first next() completes at once: no body code runs, not even finally.
export const log = [];

/* @resumable */
export function* main() {
  log.push("body ran");
  try {
    yield 1;
  } finally {
    log.push("finally ran");
  }
}

export const create = () => {
  const gen = main();
  log.push(["return before start", gen.return("early")]);
  log.push(["next after", gen.next()]);
  return main();
};
