/**
 * The messages V8 gives when a loop finds nothing iterable, which print the
 * loop's expression ("list is not iterable", "load is not a function or its
 * return value is not iterable"). A lowered loop calls the runtime instead
 * of the engine, so the plugin prints the expression as V8 would and passes
 * the message along; for an expression it does not print, the runtime's
 * message for the value alone is what the loop gives.
 */
import type { types as t } from "@babel/core";

/** For a `for…of` over `expression`. */
export function notIterableMessage(expression: t.Expression): string | undefined {
  if (expression.type === "CallExpression" || expression.type === "NewExpression") {
    const callee = printedReference(expression.callee);
    return callee === undefined ? undefined : `${callee} is not a function or its return value is not iterable`;
  }
  const printed = printedReference(expression);
  return printed === undefined ? undefined : `${printed} is not iterable`;
}

/** For a `for await…of` over `expression`: V8 words it differently ("f(...)", and a `new` it does not print). */
export function notAsyncIterableMessage(expression: t.Expression): string | undefined {
  if (expression.type === "NewExpression") return "(intermediate value) is not a function or its return value is not async iterable";
  if (expression.type === "CallExpression") {
    const callee = printedReference(expression.callee);
    return callee === undefined ? undefined : `${callee}(...) is not a function or its return value is not async iterable`;
  }
  const printed = printedReference(expression);
  return printed === undefined ? undefined : `${printed} is not async iterable`;
}

/** `a`, `this`, `a.b`, `a[0]`, `a[k]` as V8's messages print them; undefined for anything else. */
function printedReference(node: t.Node): string | undefined {
  if (node.type === "Identifier") return node.name;
  if (node.type === "ThisExpression") return "this";
  if (node.type !== "MemberExpression") return undefined;
  const object = printedReference(node.object);
  if (object === undefined) return undefined;
  const property = node.property;
  if (!node.computed) return property.type === "Identifier" ? `${object}.${property.name}` : undefined;
  if (property.type === "NumericLiteral") return `${object}[${property.value}]`;
  if (property.type === "StringLiteral" && /^[A-Za-z_$][\w$]*$/.test(property.value)) return `${object}.${property.value}`;
  const key = property.type === "Identifier" ? property.name : undefined;
  return key === undefined ? undefined : `${object}[${key}]`;
}
