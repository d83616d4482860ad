/**
 * Method calls whose arguments yield, `o.m(yield x)`, as the source wrote
 * them: native code reads `o.m` before the arguments, and the lowering
 * (lower.ts, preserveEvaluationOrder) makes the compiled code read it there
 * too, through the runtime's `holdMethod` (held-method.ts). They are found
 * before the lowering steps, so that calls those steps make (the spread
 * transform's `m.apply(o, …)`) are left as they are, and the callee is
 * printed as V8 prints it while it is still the source's.
 */
import type { types as t } from "@babel/core";
import { printedCallee } from "./printed-expression.js";
import { withoutTypeOnlyWrappers } from "./type-only-wrappers.js";
import type { YieldScan } from "./yield-scan.js";

/** Each such call, with its callee as V8 prints it (undefined where the plugin cannot print it). */
export function methodCallsAroundYields(scan: YieldScan): Map<t.CallExpression, string | undefined> {
  const calls = new Map<t.CallExpression, string | undefined>();
  for (const node of scan.nodes) {
    if (node.type !== "CallExpression" || !node.arguments.some((argument) => scan.containsYield(argument))) continue;
    const callee = withoutTypeOnlyWrappers(node.callee);
    if (callee.type === "MemberExpression") calls.set(node, printedCallee(callee));
  }
  return calls;
}
