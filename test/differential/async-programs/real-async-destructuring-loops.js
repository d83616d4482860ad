// Destructuring with awaits in for heads, for-in with awaits, do-while and
// while with await conditions, and a yield in a loop condition.
export const log = [];

const api = {
  async count() {
    await null;
    return 3;
  },
};

/* @resumable */
export async function* main() {
  for (let [i, j] = [0, await api.count()]; i < j; i++, j = j - (await Promise.resolve(0))) {
    yield `i ${i} of ${j}`;
  }
  const obj = { x: 1, y: 2, z: 3 };
  for (const k in obj) {
    if ((await Promise.resolve(k)) === "y") continue;
    yield `${k}:${obj[k]}`;
  }
  let n = 0;
  do {
    n += await Promise.resolve(2);
  } while (n < (await api.count()) * 2);
  yield `n ${n}`;
  let m = 0;
  while ((yield `cond ${m}`) !== "stop" && m < 5) m++;
  const [{ a, b: [c] = [await Promise.resolve("cd")] } = {}, ...rest] = await Promise.resolve([{ a: "A" }, 1, 2]);
  return `${a}${c}${rest.length} m=${m}`;
}

export const create = () => main();
export const sends = [undefined, 1, 2, 3, 4, 5, 6, 7, "go", "go", "stop", 9];
