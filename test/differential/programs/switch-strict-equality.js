// Case matching is strict equality: "1" is not 1, NaN matches nothing, -0 matches 0.
export const log = [];

/* @resumable */
export function* main() {
  const values = ["1", 1, NaN, -0, null, undefined];
  for (const value of values) {
    let hit = "default";
    switch (value) {
      case 1:
        hit = "number 1";
        break;
      case "1":
        hit = "string 1";
        break;
      case NaN:
        hit = "NaN";
        break;
      case 0:
        hit = "zero";
        break;
      case undefined:
        hit = "undefined";
        break;
      default:
        hit = "default";
    }
    yield hit;
  }
  return "end";
}

export const create = () => main();
