// Run by bench/sections/memory.js as
//   node --expose-gc memory-child.js <module URL> <async module URL> <count> <case>...
// For each case: creates <count> generators, advances each to its first
// yield (an async one: its first next() settled), keeps them all alive, and
// measures the heap growth per generator. Prints { case: bytes per generator } as JSON.
import { benchText } from "./stepping.js";

const [url, asyncUrl, countText, ...cases] = process.argv.slice(2);
const count = Number(countText);
const module = await import(url);
const asyncModule = await import(asyncUrl);
const text = benchText(1000);
const values = Array.from({ length: 1000 }, (_, i) => i);
const makers = {
  counter: () => module.counter(1000),
  tryFinally: () => module.guarded(1000),
  forOfArray: () => module.doubled(values),
  pipeline: () => module.batches(text, 10, 4),
  asyncCounter: () => asyncModule.asyncCounter(1000),
};

async function bytesPerGenerator(make) {
  // Warm the code paths, so compiled code and its feedback are not counted.
  for (let i = 0; i < 2000; i++) await make().next();
  let kept = new Array(count).fill(null);
  globalThis.gc();
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < count; i++) {
    const gen = make();
    // Awaiting a sync generator's result costs a tick and allocates nothing that stays.
    await gen.next();
    kept[i] = gen;
  }
  globalThis.gc();
  globalThis.gc();
  const after = process.memoryUsage().heapUsed;
  if (kept.length !== count) throw new Error("unreachable");
  kept = null;
  return (after - before) / count;
}

const out = {};
for (const name of cases) out[name] = await bytesPerGenerator(makers[name]);
process.stdout.write(JSON.stringify(out));
