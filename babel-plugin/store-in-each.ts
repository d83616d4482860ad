/**
 * One statement that stores a value in several fields: a compiled body
 * clears many dead fields at once and a frame's constructor creates every
 * field. Written as a chain, `c = b = a = value`, each target costs two
 * nodes fewer than a statement of its own, and Babel's work after our
 * plugin (crawling, traversing and printing the frame classes) grows with
 * their node count.
 */
import type { types as t } from "@babel/core";

/** Links per chain: the chain nests, and Babel's walks recurse once per link. */
const MAX_CHAIN = 64;

/**
 * `value` stored in each target, first to last (the innermost assignment of
 * a chain runs first, so the first target is written last into the chain).
 * `value` must be an expression that is safe to copy (an identifier, a literal or `void 0`).
 */
export function storeInEach(
  targets: t.MemberExpression[],
  value: t.Identifier | t.Literal | t.UnaryExpression,
  types: typeof t,
): t.ExpressionStatement[] {
  const statements: t.ExpressionStatement[] = [];
  for (let start = 0; start < targets.length; start += MAX_CHAIN) {
    let chain: t.Expression = types.cloneNode(value);
    for (const target of targets.slice(start, start + MAX_CHAIN)) chain = types.assignmentExpression("=", target, chain);
    statements.push(types.expressionStatement(chain));
  }
  return statements;
}
