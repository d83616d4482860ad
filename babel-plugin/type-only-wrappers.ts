/**
 * Expressions that only carry a type (TypeScript's `x as T`, `x satisfies T`,
 * `<T>x`, `x!`, Flow's `(x: T)`) or parentheses (under the parser's
 * `createParenthesizedExpressions`): at run time each is its operand.
 */
import type { types as t } from "@babel/core";

export const TYPE_ONLY_WRAPPERS: ReadonlySet<string> = new Set([
  "TSAsExpression",
  "TSSatisfiesExpression",
  "TSTypeAssertion",
  "TSNonNullExpression",
  "TypeCastExpression",
  "ParenthesizedExpression",
]);

/** `node` without the type-only wrappers around it. */
export function withoutTypeOnlyWrappers(node: t.Node): t.Node {
  let inner = node;
  while (TYPE_ONLY_WRAPPERS.has(inner.type)) inner = (inner as t.ParenthesizedExpression).expression;
  return inner;
}
