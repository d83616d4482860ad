// Tagged templates with yields in substitutions: the tag sees raw and cooked strings and the values.
export const log = [];

function tag(strings, ...values) {
  log.push(["raw", strings.raw, "cooked", [...strings], "frozen", Object.isFrozen(strings)]);
  return values;
}

/* @resumable */
export function* main() {
  const results = [];
  for (let i = 0; i < 2; i++) {
    results.push(tag`a\n${yield `first ${i}`}b\x41${yield "second"}`);
  }
  results.push(String.raw`x\ty${yield "raw"}`);
  results.push(tag`${yield "only substitution"}`);
  return results;
}

export const create = () => main();
// The tag function and the frozen strings array are temporaries across the yields.
export const snapshotRefusal = "allowed";
