#!/usr/bin/env node
/**
 * Experiment, not part of `npm run bench`: the sync stepping cases of two
 * versions of this project side by side in one process (paired rounds), so a
 * change to the compiled `next()` or the frame can be judged without
 * comparing runs made under different load. Each version compiles
 * bench/sources/stepping.js and bench/sources/warmup.js with its own plugin,
 * against its own runtime; every version runs the warm-up types first, as
 * the benchmark does, so shared call sites are megamorphic.
 *
 *   node bench/experiments/stepping-versions.js HEAD~1 HEAD [counter|pipeline|tryFinally|forOfArray|perItem]
 */
import { do_not_optimize } from "mitata";

const { compareSteppingVersions } = await import("../lib/stepping-versions.js");
const { drain, steppingCases } = await import("../sections/stepping.js");

const cases = steppingCases(2000);
await compareSteppingVersions({
  script: "stepping-versions.js",
  sources: { stepping: "stepping.js", warmup: "warmup.js" },
  cases,
  warmupRounds: 40,
  warmUp({ stepping, warmup }) {
    for (const name of Object.keys(warmup)) do_not_optimize(drain(warmup[name](200)));
    for (const c of Object.values(cases)) do_not_optimize(drain(c.make(stepping)));
  },
  measure(c, { stepping }) {
    return () => do_not_optimize(drain(c.make(stepping)));
  },
});
