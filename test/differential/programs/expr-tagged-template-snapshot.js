// A tagged template with a yield in its substitutions can be snapshotted at
// that yield: the tag gets the site's frozen strings (cooked, raw, an invalid
// escape's undefined) and the substitutions, a member tag its object as this.
export const log = [];

function tag(strings, ...values) {
  log.push([strings.length, [...strings], [...strings.raw], Object.isFrozen(strings), Object.isFrozen(strings.raw), values]);
  return strings.raw.join("|") + " " + values.join(",");
}

const formatter = {
  prefix: "fmt",
  format(strings, ...values) {
    return this.prefix + ": " + String.raw(strings, ...values);
  },
};

/* @resumable */
export function* main() {
  const lines = [];
  for (let i = 0; i < 2; i++) {
    lines.push(tag`round ${i}\n: ${yield i} and ${yield "second"}`);
  }
  lines.push(tag`bad \unicode ${yield "invalid escape"}`);
  lines.push(formatter.format`a\tb ${yield "member tag"} c`);
  lines.push(String.raw`C:\path\${yield "raw"}`);
  return lines;
}

export const create = () => main();
