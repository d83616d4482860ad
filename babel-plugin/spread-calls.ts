/**
 * A call with a spread in a list with a yield, `f(...a, yield b)` or
 * `o.m(...a, yield b)`: Babel's spread transform writes it as
 * `f.apply(void 0, list)` or `o.m.apply(o, list)`. That reads the
 * function's `apply` property, so a function with an `apply` of its own runs
 * that instead (native code never reads it), and a callee that is not a
 * function fails with the wrong message.
 *
 * The transform keeps the call node (it changes its callee and arguments),
 * so the calls are found before it runs, with what V8 would print, and
 * afterwards made to call the runtime: `applyFunction(f, thisArg, list)`,
 * or for a method `applyHeldMethod(holdMethod(o, "m"), …)`, which reads the
 * method before the list is built, as native code reads it, and lets a
 * snapshot save the object and key rather than the function (held-method.ts).
 */
import type { types as t } from "@babel/core";
import { heldMethodArguments } from "./method-calls.js";
import { isMethodOfModuleConstant } from "./module-constants.js";
import { printedCallee } from "./printed-expression.js";
import type { RuntimeImports } from "./runtime-imports.js";
import { withoutTypeOnlyWrappers } from "./type-only-wrappers.js";
import { undefinedValue } from "./undefined-value.js";
import type { YieldScan } from "./yield-scan.js";

export interface SpreadCall {
  /** V8's message for a callee that is not a function, when it names the call site (the one spread is the last argument). */
  notCallable: string | undefined;
  /** A method of a module-level constant or a global (`Math.max`): the method is held, not its object, which a snapshot could not hold. */
  methodOfModuleConstant: boolean;
}

/**
 * The calls the spread transform will rewrite: those with a spread among
 * their arguments that contain a yield. `isModuleConstant` (module-constants.ts)
 * answers for the body's scope: a block's own binding of the name is not seen.
 */
export function spreadCallsAroundYields(scan: YieldScan, isModuleConstant: (name: string) => boolean): Map<t.CallExpression, SpreadCall> {
  const calls = new Map<t.CallExpression, SpreadCall>();
  for (const node of scan.nodes) {
    if (node.type !== "CallExpression" || !scan.containsYield(node)) continue;
    const spreads = node.arguments.filter((argument) => argument.type === "SpreadElement").length;
    if (spreads === 0) continue;
    const lastOnly = spreads === 1 && node.arguments[node.arguments.length - 1]!.type === "SpreadElement";
    const printed = lastOnly ? printedCallee(node.callee) : undefined;
    calls.set(node, {
      notCallable: printed === undefined ? undefined : `${printed} is not a function`,
      methodOfModuleConstant: isMethodOfModuleConstant(withoutTypeOnlyWrappers(node.callee), isModuleConstant),
    });
  }
  return calls;
}

/**
 * After the transform: each recorded call it wrote as `x.apply(thisArg,
 * list)` goes through the runtime. One it did not reach, or wrote otherwise
 * (a method of `super` keeps its `.apply`), is left as it is.
 */
export function callSpreadCallsThroughRuntime(
  calls: ReadonlyMap<t.CallExpression, SpreadCall>,
  runtime: RuntimeImports,
  types: typeof t,
): void {
  for (const [call, { notCallable, methodOfModuleConstant }] of calls) {
    const { callee } = call;
    // The transform's own `.apply` has no source location.
    if (callee.type !== "MemberExpression" || callee.loc || callee.computed) continue;
    if (callee.property.type !== "Identifier" || callee.property.name !== "apply" || call.arguments.length !== 2) continue;
    const [thisArg, list] = call.arguments as [t.Expression, t.Expression];
    const target = withoutTypeOnlyWrappers(callee.object);
    const message = notCallable === undefined ? undefinedValue(types) : types.stringLiteral(notCallable);
    if (target.type === "MemberExpression" && !methodOfModuleConstant) {
      if (target.object.type === "Super" || target.property.type === "PrivateName") continue;
      call.callee = runtime.get("applyHeldMethod");
      call.arguments = [...heldMethodArguments(target, runtime, types), list, message];
    } else {
      call.callee = runtime.get("applyFunction");
      call.arguments = [callee.object as t.Expression, thisArg, list, message];
    }
  }
}
