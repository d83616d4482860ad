#!/usr/bin/env node
/**
 * Experiment, not part of `npm run bench`: the async stepping cases of two
 * versions of this project side by side in one process (paired rounds), so a
 * change to the async driver can be judged without comparing runs made under
 * different load. Each version compiles bench/sources/async-stepping.js with
 * its own plugin, against its own runtime; every version runs the warm-up
 * types first, as the benchmark does.
 *
 *   node bench/experiments/async-versions.js HEAD~1 HEAD [asyncCounter|asyncAwaiting|asyncScaled|asyncGuarded]
 */
import { do_not_optimize } from "mitata";

const { compareSteppingVersions } = await import("../lib/stepping-versions.js");
const { asyncSteppingCases, drainAsync } = await import("../sections/async-stepping.js");

const cases = asyncSteppingCases(1000);
await compareSteppingVersions({
  script: "async-versions.js",
  sources: { stepping: "async-stepping.js" },
  cases,
  warmupRounds: 30,
  async warmUp({ stepping }) {
    for (const name of Object.keys(stepping).filter((n) => n.startsWith("warmup"))) do_not_optimize(await drainAsync(stepping[name](200)));
    for (const c of Object.values(cases)) do_not_optimize(await drainAsync(c.make(stepping)));
  },
  measure(c, { stepping }) {
    return async () => do_not_optimize(await drainAsync(c.make(stepping)));
  },
});
