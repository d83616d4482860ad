/**
 * A recursive `yield*` (a tree walk, a nested data format) as deep as a
 * native generator takes it: each level of a chain costs one call of the
 * classes' own next(), when the chain starts as when it resumes, so compiled
 * code does not overflow the stack before native code does. Also snapshots
 * and restores a deep chain.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { restore, snapshot } from "resumable-generators";
import { compileToFile, importCompiled, projectRoot } from "../support/compile.js";

const fixture = (name: string) => join(projectRoot, "test", "fixtures", name);

const SOURCE = `
export function* walk(depth) {
  if (depth === 0) {
    const sent = yield "bottom";
    return sent;
  }
  const below = yield* walk(depth - 1);
  return below + 1;
}
`;

type Walk = (depth: number) => Generator<unknown, unknown, unknown>;
let native: Walk;
let compiled: Walk;

/** The deepest chain `walk` can start and finish without a RangeError (binary search). */
function deepestChain(walk: Walk, ceiling: number): number {
  let low = 0;
  let high = ceiling;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    try {
      const gen = walk(middle);
      gen.next();
      gen.next(0);
      low = middle;
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      high = middle - 1;
    }
  }
  return low;
}

beforeAll(async () => {
  native = (await import(`data:text/javascript,${encodeURIComponent(SOURCE)}`)).walk;
  const annotated = SOURCE.replace("export function*", "export /* @resumable */ function*");
  compiled = (await importCompiled<{ walk: Walk }>(annotated, join(projectRoot, "test", "deep-delegation.js"))).walk;
});

describe("a recursive yield*", () => {
  it("goes at least as deep as a native generator's before the stack overflows", () => {
    const nativeDepth = deepestChain(native, 100_000);
    expect(nativeDepth).toBeGreaterThan(500);
    // Starting the chain used four calls per level (2,350 levels against 5,370 native).
    expect(deepestChain(compiled, 100_000)).toBeGreaterThanOrEqual(nativeDepth);
  });

  it("gives what the native chain gives, through a snapshot restored at its bottom", () => {
    const depth = 2_000;
    const gen = compiled(depth);
    expect(gen.next()).toEqual({ value: "bottom", done: false });
    const restored = restore(snapshot(gen)) as Generator<unknown, unknown, unknown>;
    const reference = native(depth);
    reference.next();
    expect(restored.next(5)).toEqual(reference.next(5));
    expect(restored.next()).toEqual(reference.next());
    // The original goes on by itself.
    expect(gen.next(1)).toEqual({ value: depth + 1, done: true });
  });

  it("forks a chain deeper than restore's cap for blobs, which a fork (no blob, no options) could not raise", () => {
    // 10,001 levels need a larger stack than this worker's to step: a process of its own.
    const module = compileToFile(SOURCE.replace("export function*", "export /* @resumable */ function*"), fixture("deep-fork.js"));
    const out = execFileSync(
      process.execPath,
      [
        "--stack-size=20000",
        "--input-type=module",
        "-e",
        `import { fork, restore, snapshot } from "resumable-generators";
         import { walk } from ${JSON.stringify(module)};
         const gen = walk(10_001);
         gen.next();
         let refused;
         try { restore(snapshot(gen)); } catch (error) { refused = error.message; }
         const copy = fork(gen);
         console.log(JSON.stringify({ refused, copy: copy.next(1), original: gen.next(1) }));`,
      ],
      { encoding: "utf8" },
    );
    const { refused, copy, original } = JSON.parse(out) as { refused: string; copy: unknown; original: unknown };
    expect(refused).toMatch(/yield\* chain is deeper than 10000; raise RestoreOptions\.maxDelegateDepth/);
    expect(copy).toEqual({ value: 10_002, done: true });
    expect(original).toEqual(copy);
  });
});
