/**
 * Method calls in an optional chain around a yield. Babel's
 * optional-chaining transform writes an optional call of a method,
 * `o?.m?.(x)` or `o.m?.(x)`, as `_m.call(o, x)` after checking `_m` for
 * null and undefined. That reads the method's own `call` property, so a
 * function with a `call` of its own runs that instead, and a method that is
 * not callable fails with "(intermediate value).call is not a function"
 * where V8 says "o?.m is not a function". A plain call at the end of a
 * chain, `o?.k.m(x)`, stays a method call of the transform's temporary,
 * which an engine message would name ("_frame._t1.m is not a function").
 *
 * The transform keeps each call node (it changes the node's type and
 * callee), so the calls are found before it runs, printed as V8 prints
 * their callee, and afterwards made to call the runtime: `callWithReceiver`
 * calls the method read before the check directly, and `callHeldMethod`
 * calls the method `holdMethod` read before the arguments, as native code
 * reads it (held-method.ts), or `callMethod` reads it after them when its
 * object is a module-level constant or a global (module-constants.ts).
 */
import type { types as t } from "@babel/core";
import { heldMethodArguments } from "./method-calls.js";
import { isMethodOfModuleConstant } from "./module-constants.js";
import { printedCallee } from "./printed-expression.js";
import type { RuntimeImports } from "./runtime-imports.js";
import { withoutTypeOnlyWrappers } from "./type-only-wrappers.js";
import { undefinedValue } from "./undefined-value.js";
import type { YieldScan } from "./yield-scan.js";

export interface ChainMethodCall {
  /** The callee as V8 prints it (undefined where the runtime should describe the value). */
  printed: string | undefined;
  /** The method's object is a module-level constant or a global (module-constants.ts). */
  methodOfModuleConstant: boolean;
}

/**
 * The method calls of optional chains in the body. The transform rewrites
 * those in a chain that contains a yield; the others stay as they are and
 * are passed over afterwards. `isModuleConstant` answers for the body's scope.
 */
export function optionalChainMethodCalls(
  scan: YieldScan,
  isModuleConstant: (name: string) => boolean,
): Map<t.OptionalCallExpression, ChainMethodCall> {
  const calls = new Map<t.OptionalCallExpression, ChainMethodCall>();
  for (const node of scan.nodes) {
    if (node.type !== "OptionalCallExpression") continue;
    const callee = withoutTypeOnlyWrappers(node.callee);
    if (callee.type !== "MemberExpression" && callee.type !== "OptionalMemberExpression") continue;
    calls.set(node, { printed: printedCallee(node.callee), methodOfModuleConstant: isMethodOfModuleConstant(callee, isModuleConstant) });
  }
  return calls;
}

/**
 * After the transform: each recorded call it wrote as `_m.call(o, …args)`
 * becomes `callWithReceiver(_m, o, printed, …args)`, and each it left a
 * method call `x.m(…args)` becomes `callHeldMethod(holdMethod(x, "m"), "m",
 * printed, …args)`, or `callMethod(x, "m", printed, …args)` when `x` is a
 * module-level constant or a global. A call it did not reach (no yield in
 * its chain) is still an optional call and is not touched, nor is one it
 * wrote otherwise (under the `pureGetters` assumption an optional call
 * stays `o.m(…args)`, and so does a call of a private method or through
 * `super`).
 */
export function callChainMethodsThroughRuntime(
  calls: ReadonlyMap<t.OptionalCallExpression, ChainMethodCall>,
  runtime: RuntimeImports,
  types: typeof t,
): void {
  for (const [node, { printed, methodOfModuleConstant }] of calls) {
    const call = node as t.Node;
    if (call.type !== "CallExpression") continue;
    const callee = withoutTypeOnlyWrappers(call.callee);
    if (callee.type !== "MemberExpression" || callee.object.type === "Super" || callee.property.type === "PrivateName") continue;
    const printedArgument = printed === undefined ? undefinedValue(types) : types.stringLiteral(printed);
    if (node.optional) {
      // The transform's own `.call` has no source location.
      if (callee.loc || callee.computed || callee.property.type !== "Identifier" || callee.property.name !== "call") continue;
      const [receiver, ...args] = call.arguments;
      if (receiver === undefined || receiver.type === "SpreadElement") continue;
      call.callee = runtime.get("callWithReceiver");
      call.arguments = [callee.object, receiver, printedArgument, ...args];
    } else if (methodOfModuleConstant) {
      const key = callee.computed ? callee.property : types.stringLiteral((callee.property as t.Identifier).name);
      call.callee = runtime.get("callMethod");
      call.arguments = [callee.object, key, printedArgument, ...call.arguments];
    } else {
      call.callee = runtime.get("callHeldMethod");
      call.arguments = [...heldMethodArguments(callee, runtime, types), printedArgument, ...call.arguments];
    }
  }
}
