/**
 * A recursive `yield*` (a tree walk, a nested data format) as deep as a
 * native generator takes it: each level of a chain costs one call of the
 * classes' own next(), when the chain starts as when it resumes, so compiled
 * code does not overflow the stack before native code does. Also snapshots
 * and restores a deep chain.
 */
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { restore, snapshot } from "resumable-generators";
import { importCompiled, projectRoot } from "../support/compile.js";

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
});
