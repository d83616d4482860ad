// Spreading, Array.from and destructuring a resumable generator from ordinary code.
export const log = [];

/* @resumable */
export function* main(n) {
  try {
    for (let i = 0; i < n; i++) yield i * i;
    return "ignored by spread";
  } finally {
    log.push(["finally", n]);
  }
}

export const create = () => {
  log.push(["spread", [...main(3)]]);
  log.push(["Array.from", Array.from(main(4), (x) => x + 1)]);
  const [a, b] = main(10);
  log.push(["destructured", a, b]);
  const gen = main(5);
  const [first, ...rest] = gen;
  log.push(["rest", first, rest, gen.next()]);
  log.push(["Math.max", Math.max(...main(4))]);
  log.push(["new Set", [...new Set(main(3))]]);
  return main(2);
};
