// Cases without break fall through, yielding in each.
export const log = [];

/* @resumable */
export function* main() {
  const results = [];
  for (const value of [1, 2, 3, 9]) {
    switch (value) {
      case 1:
        yield "one";
      case 2:
        yield "two (or fell from one)";
        break;
      case 3:
        yield "three";
      // falls into the end of the switch
    }
    results.push(value);
  }
  log.push(results);
  return results.length;
}

export const create = () => main();
