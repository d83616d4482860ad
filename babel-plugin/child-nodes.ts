/**
 * The children of a plain node, in the order Babel's traversal visits them,
 * for the walks that need no NodePath (a traversal makes one per node, and
 * costs far more).
 */
import type { types as t } from "@babel/core";

export function childNodes(node: t.Node, types: typeof t): t.Node[] {
  const children: t.Node[] = [];
  forEachChild(node, (child) => children.push(child), types);
  return children;
}

/** Whether `predicate` holds for `root` or any node below it (nested functions included); stops at the first. */
export function someNode(root: t.Node, predicate: (node: t.Node) => boolean, types: typeof t): boolean {
  if (predicate(root)) return true;
  for (const key of types.VISITOR_KEYS[root.type] ?? []) {
    const child = (root as unknown as Record<string, unknown>)[key];
    if (Array.isArray(child)) {
      for (const item of child) if (item && someNode(item as t.Node, predicate, types)) return true;
    } else if (child && typeof child === "object" && someNode(child as t.Node, predicate, types)) {
      return true;
    }
  }
  return false;
}

/** Calls `visit` with each child of a plain node and the key that holds it, in traversal order, without building a list. */
export function forEachChild(node: t.Node, visit: (child: t.Node, key: string) => void, types: typeof t): void {
  for (const key of types.VISITOR_KEYS[node.type] ?? []) {
    const child = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(child)) {
      for (const item of child) if (item && typeof item === "object") visit(item as t.Node, key);
    } else if (child && typeof child === "object") {
      visit(child as t.Node, key);
    }
  }
}
