/**
 * Calls whose arguments yield, `f(yield x)` and `o.m(yield x)`, as the
 * source wrote them: native code reads the callee (a method, for `o.m`)
 * before the arguments, and the lowering (lower.ts, preserveEvaluationOrder)
 * makes the compiled code read it there too, through the runtime's
 * `callFunction`, or `holdMethod` for a method (held-method.ts). They are
 * found before the lowering steps, so that calls those steps make (the
 * spread transform's `m.apply(o, …)`) are left as they are, and the callee
 * is printed as V8 prints it while it is still the source's.
 */
import type { types as t } from "@babel/core";
import { printedCallee } from "./printed-expression.js";
import type { RuntimeImports } from "./runtime-imports.js";
import { withoutTypeOnlyWrappers } from "./type-only-wrappers.js";
import { undefinedValue } from "./undefined-value.js";
import type { YieldScan } from "./yield-scan.js";

/** Each such call, with its callee as V8 prints it (undefined where the plugin cannot print it). */
export function callsWithYieldingArguments(scan: YieldScan): Map<t.CallExpression, string | undefined> {
  const calls = new Map<t.CallExpression, string | undefined>();
  for (const node of scan.nodes) {
    if (node.type !== "CallExpression" || !node.arguments.some((argument) => scan.containsYield(argument))) continue;
    calls.set(node, printedCallee(withoutTypeOnlyWrappers(node.callee)));
  }
  return calls;
}

/**
 * The first arguments of the runtime's `callHeldMethod` and `applyHeldMethod`
 * for the callee `o.m` or `o[k]`: `holdMethod(o, key)`, then the key the code
 * writes (undefined for a computed one), which a restored copy reads again.
 */
export function heldMethodArguments(callee: t.MemberExpression, runtime: RuntimeImports, types: typeof t): [t.Expression, t.Expression] {
  const name = callee.computed ? undefined : (callee.property as t.Identifier).name;
  const key = name === undefined ? (callee.property as t.Expression) : types.stringLiteral(name);
  const held = types.callExpression(runtime.get("holdMethod"), [callee.object as t.Expression, key]);
  return [held, name === undefined ? undefinedValue(types) : types.stringLiteral(name)];
}
