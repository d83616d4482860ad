// Awaits inside expressions: call arguments, templates, destructuring,
// spread, logical and conditional operators, optional chaining, compound
// assignment; the order of evaluation is the native one.
export const log = [];

const p = (v) => {
  log.push(`make ${JSON.stringify(v)}`);
  return Promise.resolve(v);
};
const f = (...args) => {
  log.push(`f(${args.join(",")})`);
  return args.length;
};

/* @resumable */
export async function* main() {
  let total = 10;
  total += await p(5);
  log.push(`total ${total}`);
  const n = f(1, await p(2), 3);
  yield n;
  const text = `a${await p("b")}c${await p("d")}`;
  yield text;
  const { x, y = await p("default y") } = await p({ x: 1 });
  const [first, ...rest] = await p([1, 2, 3]);
  yield [x, y, first, rest];
  const list = [0, ...(await p([1, 2])), await p(3)];
  yield list;
  const maybe = null;
  const a = maybe ?? (await p("fallback"));
  const b = (await p(0)) || (await p("or"));
  const c = (await p(1)) && (await p("and"));
  const d = (await p(false)) ? "yes" : await p("no");
  const e = (await p({ deep: { v: 7 } }))?.deep?.v;
  const g = (await p(null))?.missing.deeper;
  yield [a, b, c, d, e, g];
  const o = { k: await p("v"), [await p("key")]: 1 };
  return o;
}

export const create = () => main();
