// Spread of yielded values into call arguments, mixed with plain arguments.
export const log = [];

function collect(...args) {
  return args;
}

/* @resumable */
export function* main() {
  const r1 = collect(...(yield "first spread"), "middle", ...(yield "second spread"));
  const r2 = Math.max(...(yield "numbers"));
  const r3 = collect(1, ...[], ...(yield "empty"));
  log.push(r1, r2, r3);
  return r1.length + r3.length;
}

export const create = () => main();
export const sends = [undefined, ["a", "b"], "xy", [3, 9, 4], []];
// The callee and the partly built argument list are temporaries across the yields.
export const snapshotRefusal = "allowed";
