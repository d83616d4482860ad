// A template literal whose expressions have side effects, before a yield in the same expression: it is
// evaluated in its turn (regenerator alone would evaluate it after the yield, taking it for a literal).
export const log = [];

/* @resumable */
export function* main() {
  let x = "start";
  const pair = [`<${(x = "assigned")}>`, yield x];
  log.push(pair, x);
  let count = 0;
  const call = String([`${(count += 1)}`, yield "second", count]);
  log.push(call);
  return `${x}:${yield `${x}`}`;
}

export const create = () => main();
export const sends = [undefined, "sent 1", "sent 2", "sent 3"];
