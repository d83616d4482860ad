// Awaits in every kind of loop, with yields, labels, and switch.
export const log = [];

/* @resumable */
export async function* main(limit) {
  let i = 0;
  while ((await Promise.resolve(i)) < limit) {
    i++;
    if (i === 2) continue;
    yield `while ${i}`;
  }
  do {
    i = await (i - 1);
    if (i % 2) yield `do ${i}`;
  } while (i > 0);
  outer: for (let a = 0; a < 3; a++) {
    for (let b = 0; b < 3; b++) {
      await null;
      if (b > a) continue outer;
      if (a === 2 && b === 1) break outer;
      yield `${a},${b}`;
    }
  }
  for (const key in { p: 1, q: 2 }) {
    await key;
    yield key;
  }
  for (const v of [1, 2, 3]) {
    switch (await v) {
      case 1:
        yield "one";
      case 2:
        log.push("fell through");
        yield "two";
        break;
      default:
        await Promise.resolve();
        yield "other";
    }
  }
  return i;
}

export const create = () => main(4);
