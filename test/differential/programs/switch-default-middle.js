// default in the middle: taken only when no case matches, then falls through into the cases after it.
export const log = [];

/* @resumable */
export function* main() {
  for (const value of ["a", "zzz", "c", "b"]) {
    switch (value) {
      case "a":
        yield "case a";
        break;
      default:
        yield `default for ${value}`;
      case "b":
        yield `case b (value ${value})`;
        break;
      case "c":
        yield "case c";
    }
  }
  return "end";
}

export const create = () => main();
