/**
 * One walk over the plain nodes of a generator body that records which of
 * them contain a yield. The lowering steps (lower.ts) consult it to tell,
 * before traversing, whether they have anything to do: most bodies need
 * none of them, and a Babel traversal (a NodePath per node, scope lookups)
 * costs far more than this walk.
 *
 * The walks recurse once per level of nesting; Babel's own traversal of the
 * same body, which always runs, nests several calls per level, so it would
 * overflow first.
 */
import type { types as t } from "@babel/core";
import { forEachChild, someNode } from "./child-nodes.js";

type Types = typeof t;

export class YieldScan {
  /** The nodes the lowering steps visit: the body and everything in it outside nested functions. */
  readonly nodes: t.Node[] = [];
  /** Nodes that contain a yield of the generator (a yield counts as containing itself). */
  private readonly withYield = new WeakSet<t.Node>();

  constructor(
    body: t.BlockStatement,
    private readonly types: Types,
  ) {
    this.visit(body, true);
  }

  /** For a node of the scanned body: the answer `containsYield` (lower.ts) gives for its path. */
  containsYield(node: t.Node | null | undefined): boolean {
    return node != null && this.withYield.has(node);
  }

  /** Whether `predicate` holds for `root` or any node below it (nested functions included). */
  someWithin(root: t.Node, predicate: (node: t.Node) => boolean): boolean {
    return someNode(root, predicate, this.types);
  }

  /** Returns whether `node` contains a yield; `listed`: whether the lowering steps visit it. */
  private visit(node: t.Node, listed: boolean): boolean {
    if (listed) this.nodes.push(node);
    let found = node.type === "YieldExpression";
    if (this.types.isFunction(node)) {
      // A nested function's parameters and body belong to it, and the
      // lowering steps skip it whole; only a method's computed key is
      // evaluated by the generator.
      const method = node as t.Function & { computed?: boolean; key?: t.Node };
      if (method.computed && method.key && this.visit(method.key, false)) found = true;
    } else {
      forEachChild(
        node,
        (child) => {
          if (this.visit(child, listed)) found = true;
        },
        this.types,
      );
    }
    if (found) this.withYield.add(node);
    return found;
  }
}
