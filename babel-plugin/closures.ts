/**
 * Code inside the generator that may run after the statement it is written
 * in: a nested function, and a class's body, whose instance field
 * initializers run at each `new` (computed keys and static members run at
 * once; counting them too only costs a binding that did not need to be
 * fresh). A binding such code uses must outlive the statement, and a loop's
 * or a catch clause's must be a binding of its own per run.
 */
import type { NodePath } from "@babel/core";

/**
 * The outermost closure between `path` and the generator, if any, as the
 * node that can be wrapped: a function, or the class or object literal that
 * owns a method.
 */
export function enclosingClosure(path: NodePath, fn: NodePath): NodePath | null {
  let outermost: NodePath | null = null;
  for (let p: NodePath | null = path.parentPath; p && p !== fn; p = p.parentPath) {
    if (p.isObjectMethod()) outermost = p.parentPath;
    else if (p.isClassMethod() || p.isClassPrivateMethod() || p.isClassProperty() || p.isClassPrivateProperty())
      outermost = p.parentPath!.parentPath;
    else if (p.isFunction() || p.isClass()) outermost = p;
  }
  return outermost;
}

/** Whether code that may run later (a closure, a class body) reads or writes the binding. */
export function isCapturedByClosure(binding: { referencePaths: NodePath[]; constantViolations: NodePath[] }, fn: NodePath): boolean {
  return binding.referencePaths.some((ref) => runsLater(ref, fn)) || binding.constantViolations.some((ref) => runsLater(ref, fn));
}

/** enclosingClosure's question as a yes or no, answered at the first function or class up from `path`. */
function runsLater(path: NodePath, fn: NodePath): boolean {
  for (let p: NodePath | null = path.parentPath; p && p !== fn; p = p.parentPath) {
    if (p.isFunction() || p.isClass()) return true;
  }
  return false;
}
