// return() while suspended in a try with a finally runs the finally (no yield there) and completes.
export const log = [];

/* @resumable */
export function* main() {
  let step = 0;
  try {
    step = 1;
    yield "in try 1";
    step = 2;
    yield "in try 2";
  } finally {
    log.push(["finally at step", step]);
  }
  yield "after try";
  return step;
}

export const create = () => {
  const gen = main();
  gen.next();
  log.push(["return while in try", gen.return("value")]);
  return main();
};
