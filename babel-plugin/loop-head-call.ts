/**
 * `for (x of f())` where `f` is not a function: V8 throws the loop's own
 * message, "f is not a function or its return value is not iterable" (for
 * a `for await`, "f(...) is not a function or its return value is not async
 * iterable"), not the call's. A lowered loop makes the call as ordinary
 * code, which would fail with the call's "f is not a function"; so the call
 * goes through the runtime's `callForLoop`, which checks the callee as the
 * call would and throws the loop's message instead.
 *
 * Only where the order of evaluation stays the same: a named callee (it is
 * read before the arguments, as natively), or a member callee whose
 * arguments are names, literals or `this` (read after them in the runtime,
 * where natively it is read before; none of those can run code between).
 */
import type { types as t } from "@babel/core";
import type { RuntimeImports } from "./runtime-imports.js";

/** The loop's iterable expression, its call routed through `callForLoop` when it is one we can route. */
export function loopHeadCall(right: t.Expression, message: string | undefined, types: typeof t, runtime: RuntimeImports): t.Expression {
  if (message === undefined || right.type !== "CallExpression") return right;
  const callee = right.callee;
  const args = right.arguments;
  if (args.some((arg) => arg.type === "ArgumentPlaceholder")) return right;
  const spreadable = args as Array<t.Expression | t.SpreadElement>;
  const text = types.stringLiteral(message);
  if (callee.type === "Identifier") return types.callExpression(runtime.get("callForLoop"), [text, callee, ...spreadable]);
  if (callee.type !== "MemberExpression" || callee.object.type === "Super" || callee.property.type === "PrivateName") return right;
  if (!args.every(isInert)) return right;
  const key = callee.computed ? (callee.property as t.Expression) : types.stringLiteral((callee.property as t.Identifier).name);
  if (callee.computed && !isInert(key)) return right;
  return types.callExpression(runtime.get("callMethodForLoop"), [text, callee.object, key, ...spreadable]);
}

/** Arguments whose evaluation runs no code: a name, a literal, `this`. */
const INERT = new Set([
  "Identifier",
  "ThisExpression",
  "StringLiteral",
  "NumericLiteral",
  "BooleanLiteral",
  "NullLiteral",
  "BigIntLiteral",
]);

function isInert(node: t.Node): boolean {
  return INERT.has(node.type);
}
