/**
 * `const { a } = yield x` with null or undefined sent: V8 throws "Cannot
 * destructure property 'a' of '(intermediate value)' as it is undefined."
 * before it reads anything. Compiled, the pattern becomes reads (`_ref.a`,
 * Babel's destructuring transform around a yield) or an assignment to frame
 * fields (`({ a: _frame.$a } = v)`), and both fail with "Cannot read
 * properties of undefined (reading 'a')". So, before the lowering, the value
 * a pattern reads goes through the runtime's `destructurable`, which checks
 * it as V8 does and words the error as V8 would, then hands the value on (an
 * assignment's own value is unchanged). A lowered `for…of` or `for await`
 * whose head declares a pattern, and a catch clause's pattern, do the same
 * with V8's names for those values, ".for" and ".catch" (`patternValueChecked`).
 *
 * V8's wording depends on the pattern's first property: a plain key without
 * a default is named; a computed key, a rest element or no property at all
 * gives "Cannot destructure 'v' as it is undefined."; and a first property
 * with a default gives the read's message, which the transform's reads give
 * already, so that pattern is left alone.
 */
import type { types as t } from "@babel/core";
import { printedDestructuredValue } from "./printed-expression.js";
import type { RuntimeImports } from "./runtime-imports.js";
import type { YieldScan } from "./yield-scan.js";

type Types = typeof t;

/** Whether the body holds an object pattern that the check applies to. */
export function hasObjectPattern(scan: YieldScan): boolean {
  return scan.nodes.some(
    (node) => checkedPattern(node) !== undefined || (node.type === "CatchClause" && node.param?.type === "ObjectPattern"),
  );
}

/**
 * Plain edits of the scanned nodes: the steps after this one traverse the
 * body afresh. `newName` gives a fresh name in the function's scope.
 */
export function checkDestructuredValues(
  scan: YieldScan,
  types: Types,
  runtime: RuntimeImports,
  newName: (hint: string) => t.Identifier,
): void {
  const checked = (value: t.Expression, pattern: t.ObjectPattern): t.Expression | undefined => {
    // A value the lowering wrote (it has no position in the source) has no source text for V8 to print.
    const printed = value.start == null ? undefined : printedDestructuredValue(value);
    return printed === undefined ? undefined : checkedValue(value, printed, pattern, types, runtime);
  };
  for (const node of scan.nodes) {
    const found = checkedPattern(node);
    if (found === undefined) continue;
    if (node.type === "VariableDeclarator") {
      const replacement = checked(node.init!, found);
      if (replacement) node.init = replacement;
    } else if (node.type === "AssignmentExpression") {
      const replacement = checked(node.right, found);
      if (replacement) node.right = replacement;
    }
  }
  // A catch clause with a yield in it has its pattern lowered with the rest (locals.ts checks the others):
  // `catch ({ a }) {…}` becomes `catch (_caught) { let { a } = destructurable(_caught, ".catch", "a"); … }`.
  for (const node of scan.nodes) {
    if (node.type !== "CatchClause" || node.param?.type !== "ObjectPattern" || !scan.containsYield(node.body)) continue;
    const caught = newName("caught");
    const value = patternValueChecked(types.cloneNode(caught), ".catch", node.param, types, runtime);
    if (value.type !== "CallExpression") continue;
    node.body.body.unshift(types.variableDeclaration("let", [types.variableDeclarator(node.param, value)]));
    node.param = caught;
  }
}

/**
 * The object pattern a declarator, or a plain assignment whose first target
 * is a name, destructures. The body's own destructurings all become reads or
 * assignments to frame fields, and V8 words the failure of an assignment to
 * a member (`({ a: o.x } = v)`) as the read's, so that form is left alone.
 */
function checkedPattern(node: t.Node): t.ObjectPattern | undefined {
  if (node.type === "VariableDeclarator") return node.id.type === "ObjectPattern" && node.init != null ? node.id : undefined;
  if (node.type !== "AssignmentExpression" || node.operator !== "=" || node.left.type !== "ObjectPattern") return undefined;
  const first = node.left.properties[0];
  return first?.type === "ObjectProperty" && !first.computed && first.value.type === "Identifier" ? node.left : undefined;
}

/**
 * The value an object pattern the lowering made reads, checked as V8 checks
 * it, under the name V8 gives it: ".for" for a `for…of` or `for await`
 * head's declaration (lower.ts, async-lower.ts), ".catch" for a catch
 * clause's parameter (locals.ts). Anything but an object pattern is left as
 * it is.
 */
export function patternValueChecked(
  value: t.Expression,
  printed: ".for" | ".catch",
  pattern: t.Node,
  types: Types,
  runtime: RuntimeImports,
): t.Expression {
  return pattern.type === "ObjectPattern" ? (checkedValue(value, printed, pattern, types, runtime) ?? value) : value;
}

function checkedValue(
  value: t.Expression,
  printed: string,
  pattern: t.ObjectPattern,
  types: Types,
  runtime: RuntimeImports,
): t.Expression | undefined {
  const key = firstKey(pattern);
  if (key === null) return undefined;
  const args: t.Expression[] = [value, types.stringLiteral(printed)];
  if (key !== undefined) args.push(types.stringLiteral(key));
  return types.callExpression(runtime.get("destructurable"), args);
}

/**
 * The key V8 names in its message: the first property's, when it is a plain
 * key without a default; undefined when V8 names no key (a computed key, a
 * rest element, an empty pattern); null when the first property has a
 * default, and V8's message is the read's.
 */
function firstKey(pattern: t.ObjectPattern): string | undefined | null {
  const first = pattern.properties[0];
  if (first === undefined || first.type === "RestElement" || first.computed) return undefined;
  if (first.value.type === "AssignmentPattern") return null;
  const key = first.key;
  if (key.type === "Identifier") return key.name;
  if (key.type === "StringLiteral") return key.value;
  if (key.type === "NumericLiteral") return String(key.value);
  return undefined;
}
