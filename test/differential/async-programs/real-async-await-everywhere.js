// await inside conditional expressions, destructuring defaults, template
// literals, object literals, spread, calls with many args, computed keys,
// optional chaining, logical assignment, and comma expressions.
export const log = [];

const v = (x) => Promise.resolve(x);
function many(a, b, c, d, e, f, g) {
  return [a, b, c, d, e, f, g].join(",");
}

/* @resumable */
export async function* main(flag) {
  const a = flag ? await v("yes") : await v("no");
  yield a;
  const { x = await v("dx"), y: [p, q = await v("dq")] = [] } = { y: [await v("p")] };
  yield `${x} ${p} ${q}`;
  const t = `t:${await v(1)}-${(await v(2)) + (await v(3))}-${yield "mid-template"}`;
  yield t;
  const o = { [await v("key")]: await v("val"), ...(await v({ s: 1 })), n: (yield "in-object") ?? "none" };
  yield JSON.stringify(o);
  const r = many(await v(1), 2, await v(3), yield "arg", await v(5), ...(await v([6, 7])));
  yield r;
  let obj = null;
  obj ??= await v({ deep: { n: 4 } });
  obj.deep.n ||= await v(99);
  obj.deep.m &&= await v(0);
  yield `${obj?.deep?.n} ${obj.missing?.[await v("k")]}`;
  const c = (await v("c1"), await v("c2"));
  const arr = [await v(1), , yield "hole", ...(await v("ab"))];
  return `${c} ${arr.length} ${arr[3]}`;
}

export const create = () => main(true);
export const sends = [undefined, "S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8"];
