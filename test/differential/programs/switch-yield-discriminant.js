// The switch discriminant is a yield: the sent value picks the case.
export const log = [];

/* @resumable */
export function* main() {
  const picked = [];
  for (let i = 0; i < 4; i++) {
    switch (yield `choose ${i}`) {
      case 10:
        picked.push("ten");
        break;
      case 20:
        picked.push("twenty");
        yield "in twenty";
        break;
      case 40:
        picked.push("forty");
      default:
        picked.push("default");
    }
  }
  log.push(picked);
  return picked;
}

export const create = () => main();
