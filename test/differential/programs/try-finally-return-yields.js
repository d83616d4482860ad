// return() while suspended in try: the finally runs and yields; the original return value comes back at the end.
export const log = [];

/* @resumable */
export function* main() {
  try {
    yield "a";
    yield "b";
    yield "c";
  } finally {
    log.push("cleanup start");
    const x = yield "cleanup 1";
    log.push(["cleanup got", x]);
    yield "cleanup 2";
    log.push("cleanup end");
  }
  return "normal end";
}

export const create = () => main();
