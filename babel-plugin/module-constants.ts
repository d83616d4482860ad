/**
 * Names whose value a compiled body may read late, after a yield, without
 * changing what it reads: a binding at the module's top level never
 * reassigned, or a global (String, Math, JSON, console…). Reading them late
 * also keeps what they hold out of the saved state, where a snapshot could
 * often not save it.
 */
import type { NodePath, types as t } from "@babel/core";

type Scope = NodePath["scope"];

/** Whether `name`, as `scope` resolves it, is such a name. */
export function isModuleConstant(scope: Scope, name: string): boolean {
  const binding = scope.getBinding(name);
  return binding === undefined || (binding.scope === binding.scope.getProgramParent() && binding.constant);
}

/** Whether the object of the method callee `o.m` is such a name, as `isModuleConstantName` tells. */
export function isMethodOfModuleConstant(callee: t.Node, isModuleConstantName: (name: string) => boolean): boolean {
  if (callee.type !== "MemberExpression" && callee.type !== "OptionalMemberExpression") return false;
  return callee.object.type === "Identifier" && isModuleConstantName(callee.object.name);
}
