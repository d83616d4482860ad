// A second return() arriving while the finally of a first return() is suspended replaces the value.
export const log = [];

/* @resumable */
export function* main() {
  try {
    yield "body";
  } finally {
    log.push("f1");
    yield "finally a";
    log.push("f2");
    yield "finally b";
    log.push("f3");
  }
}

export const create = () => main();
