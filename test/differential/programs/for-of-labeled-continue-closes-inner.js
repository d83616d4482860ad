// continue outer from inside an inner for-of closes the inner iterator (return called); the outer goes on.
export const log = [];

/* @resumable */
function* inner(tag) {
  try {
    yield `${tag}-1`;
    yield `${tag}-2`;
    yield `${tag}-3`;
  } finally {
    log.push(["inner closed", tag]);
  }
}

/* @resumable */
export function* main() {
  outer: for (const tag of ["x", "y"]) {
    for (const item of inner(tag)) {
      const sent = yield item;
      if (item.endsWith("2")) continue outer;
      log.push(["after", item, sent]);
    }
    log.push("unreachable");
  }
  return "end";
}

export const create = () => main();
