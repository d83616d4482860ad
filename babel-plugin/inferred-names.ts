/**
 * Names that the language infers for an anonymous function or class from
 * the binding it is stored in (NamedEvaluation): `{ onDone = () => {} } = o`
 * names the arrow "onDone", and so does `onDone ??= () => {}`. A local
 * becomes a frame field, and a field is not a binding: once the target is
 * `_frame.$onDone`, or once Babel has lowered the destructuring into a
 * conditional, nothing names it. So the name is given explicitly
 * beforehand, with the runtime's `setFunctionName` (locals.ts does the same
 * for a plain `x = () => {}`).
 */
import type { NodePath, types as t } from "@babel/core";
import type { RuntimeImports } from "./runtime-imports.js";
import type { YieldScan } from "./yield-scan.js";

type Types = typeof t;

const LOGICAL_ASSIGNMENTS = new Set(["&&=", "||=", "??="]);

/** A function or class expression without a name of its own, or an arrow: what NamedEvaluation names. */
export function isAnonymousFunctionDefinition(node: t.Node, types: Types): boolean {
  return ((types.isFunctionExpression(node) || types.isClassExpression(node)) && !node.id) || types.isArrowFunctionExpression(node);
}

/** `name = <anonymous>` as a destructuring default, or `name op= <anonymous>` with a logical operator. */
function namedTarget(node: t.Node): { name: string; value: t.Expression } | undefined {
  if (node.type === "AssignmentPattern" && node.left.type === "Identifier") return { name: node.left.name, value: node.right };
  if (node.type === "AssignmentExpression" && LOGICAL_ASSIGNMENTS.has(node.operator) && node.left.type === "Identifier") {
    return { name: node.left.name, value: node.right };
  }
  return undefined;
}

export function hasInferredNameToKeep(scan: YieldScan, types: Types): boolean {
  return scan.nodes.some((node) => {
    const target = namedTarget(node);
    return target !== undefined && isAnonymousFunctionDefinition(target.value, types);
  });
}

/** Wraps each such value of the body (nested functions keep theirs: their locals stay bindings) in `setFunctionName(value, name)`. */
export function keepInferredNames(body: NodePath<t.BlockStatement>, types: Types, runtime: RuntimeImports): void {
  const t = types;
  const visit = (path: NodePath<t.AssignmentPattern | t.AssignmentExpression>) => {
    const target = namedTarget(path.node);
    if (!target || !isAnonymousFunctionDefinition(target.value, t)) return;
    path.node.right = t.callExpression(runtime.get("setFunctionName"), [target.value, t.stringLiteral(target.name)]);
  };
  body.traverse({
    Function(path) {
      path.skip();
    },
    AssignmentPattern: visit,
    AssignmentExpression: visit,
  });
}
