/**
 * 1b. Async stepping: nanoseconds per `await gen.next()` of an async
 * generator, native vs ours vs regenerator (with Babel's async generator
 * helper), after every flavour has run the warm-up async generator types
 * through the same driver. The stepping targets were written for
 * sync generators; the report applies the same ones here.
 */
import { do_not_optimize } from "mitata";
import { FLAVOURS, measureCases } from "./stepping.js";

/** The one driver every async generator goes through, as `for await` would step it. */
export async function drainAsync(gen) {
  let last;
  for (let step = await gen.next(); !step.done; step = await gen.next()) last = step.value;
  return last;
}

/** The cases: each returns a fresh async generator and says how many next() calls draining it takes. */
export function asyncSteppingCases(scale) {
  return {
    asyncCounter: { label: "(a) counter loop", steps: scale + 1, make: (m) => m.asyncCounter(scale) },
    asyncAwaiting: { label: "(b) await inside the loop", steps: scale + 1, make: (m) => m.asyncAwaiting(scale) },
    asyncScaled: { label: "(c) for await over an async generator", steps: scale + 1, make: (m) => m.asyncScaled(scale) },
    asyncGuarded: { label: "(d) try/finally around yield", steps: scale + 1, make: (m) => m.asyncGuarded(scale) },
  };
}

const isWarmUp = (name) => name.startsWith("warmup");

/** Every flavour yields the same values, or the comparison means nothing. */
export async function checkAsyncFlavoursAgree(flavours) {
  for (const name of Object.keys(flavours.native)) {
    const trace = async (flavour) => {
      const out = [];
      const gen = flavours[flavour][name](40);
      for (let step = await gen.next(); !step.done; step = await gen.next()) out.push(step.value);
      return JSON.stringify(out);
    };
    const native = await trace("native");
    for (const flavour of ["ours", "regen"]) {
      if ((await trace(flavour)) !== native)
        throw new Error(`bench: ${flavour} ${name} does not yield what the native async generator yields`);
    }
  }
}

export async function runAsyncStepping({ flavours, quick, log }) {
  const scale = 1000;
  const cases = asyncSteppingCases(scale);
  await checkAsyncFlavoursAgree(flavours);
  const warmUpNames = Object.keys(flavours.native).filter(isWarmUp);
  log(`  warming up ${warmUpNames.length + Object.keys(cases).length} async generator types × 3 flavours`);
  for (let round = 0; round < (quick ? 10 : 30); round++) {
    for (const flavour of FLAVOURS) {
      for (const name of warmUpNames) do_not_optimize(await drainAsync(flavours[flavour][name](200)));
      for (const c of Object.values(cases)) do_not_optimize(await drainAsync(c.make(flavours[flavour])));
    }
  }
  return measureCases(cases, (c, flavour) => async () => do_not_optimize(await drainAsync(c.make(flavours[flavour]))), { quick, log });
}
