/**
 * Where a field that is dead at a yield is cleared. Set to undefined when the
 * generator suspends, a dead field does not keep its old value alive (V8
 * keeps only the live registers of a suspended native generator). Cleared at
 * the yield itself, it would be cleared again on every round of a loop around
 * the yield; but a loop that neither reads nor writes the field cannot give
 * it a value, so clearing it once before that loop leaves it just as
 * undefined at the yield, and the loop's rounds, and the compiled code,
 * without those writes.
 */
import type { types as t } from "@babel/core";
import type { EnclosingLoop } from "./liveness.js";
import { storeInEach } from "./store-in-each.js";
import { undefinedValue } from "./undefined-value.js";

/**
 * Of the fields dead at one yield, those that some loop around it never
 * touches are cleared before the outermost such loop (recorded in
 * `beforeLoops`); the others are returned, to be cleared at the yield.
 */
export function clearBeforeLoops(
  dead: Iterable<string>,
  loops: readonly EnclosingLoop[],
  beforeLoops: Map<EnclosingLoop, Set<string>>,
): string[] {
  const atYield: string[] = [];
  for (const field of dead) {
    // Loops nest, outermost first: once one does not touch the field, none inside it does.
    const loop = loops.find((candidate) => !candidate.touched.has(field));
    if (loop === undefined) {
      atYield.push(field);
      continue;
    }
    let fields = beforeLoops.get(loop);
    if (!fields) beforeLoops.set(loop, (fields = new Set()));
    fields.add(field);
  }
  return atYield;
}

/** Writes `frame.a = frame.b = undefined;` before each loop of `beforeLoops`, for its fields. */
export function insertClearsBeforeLoops(
  beforeLoops: ReadonlyMap<EnclosingLoop, ReadonlySet<string>>,
  frameName: string,
  types: typeof t,
): void {
  for (const [loop, fields] of beforeLoops) {
    const clears = storeInEach(
      [...fields].map((field) => types.memberExpression(types.identifier(frameName), types.identifier(field))),
      undefinedValue(types),
      types,
    );
    const holder = loop.parent as unknown as Record<string, unknown>;
    const slot = holder[loop.key];
    if (Array.isArray(slot)) slot.splice(slot.indexOf(loop.statement), 0, ...clears);
    // The loop is the single statement of an `if`, a loop or a label's body.
    else holder[loop.key] = types.blockStatement([...clears, loop.statement]);
  }
}
