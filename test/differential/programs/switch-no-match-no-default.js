// A switch with no matching case and no default does nothing; an empty switch is fine.
export const log = [];

/* @resumable */
export function* main() {
  const sent = yield "first";
  switch (sent) {
    case "never":
      yield "never";
  }
  switch (sent) {
  }
  log.push(["after switches", sent]);
  switch (true) {
    case sent > 5:
      yield "greater than five";
    case sent > 100:
      yield "fell through";
  }
  return sent;
}

export const create = () => main();
