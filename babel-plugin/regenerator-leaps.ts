/**
 * What regenerator's emitter will explode: a statement or expression that
 * "contains a leap" by regenerator's own definition (regenerator-transform's
 * meta.js). That definition counts a `yield`, but also a `return`, `break`,
 * `continue` or `throw` inside an object or class method: only function
 * expressions and arrows are opaque to it. Exploding an expression that
 * does not yield gains nothing and costs correctness: a type the emitter
 * does not know (`a?.b`, a `for…of` kept native) makes it throw, and the
 * siblings of an object literal it does not hoist are evaluated out of
 * order. So such literals are hidden from it (shieldMethodReturns).
 */
import type { types as t } from "@babel/core";
import { childNodes, someNode } from "./child-nodes.js";
import { YieldScan } from "./yield-scan.js";

/** The node types regenerator's meta.js (regenerator-transform 0.15.2) counts as leaps, and those it does not look into. */
const LEAP_TYPES: ReadonlySet<string> = new Set([
  "YieldExpression",
  "BreakStatement",
  "ContinueStatement",
  "ReturnStatement",
  "ThrowStatement",
]);
const OPAQUE_TYPES: ReadonlySet<string> = new Set(["FunctionExpression", "ArrowFunctionExpression"]);
/**
 * The only places a literal can hold a leap without holding a yield of the
 * generator: statements exist only in function bodies and static blocks,
 * and a yield directly in a literal is the generator's.
 */
const METHOD_TYPES: ReadonlySet<string> = new Set(["ObjectMethod", "ClassMethod", "ClassPrivateMethod", "StaticBlock"]);

/**
 * regenerator's `containsLeap`, computed here rather than called: regenerator
 * caches its answer on every node it visits, and the answers for the
 * literals' ancestors would be stale once they are shielded.
 */
function regeneratorLeapTest(types: typeof t): (node: t.Node) => boolean {
  const leaps = (node: t.Node): boolean =>
    !OPAQUE_TYPES.has(node.type) && (LEAP_TYPES.has(node.type) || childNodes(node, types).some(leaps));
  return leaps;
}

/**
 * Hides the `return`s of object and class methods from regenerator: an object
 * literal or class expression that does not yield but has such a method is
 * wrapped in an arrow called at once, `(() => ({ m() { return 1; } }))()`,
 * which regenerator leaves whole. Exploded instead, its siblings would be
 * evaluated out of order (`({ [x = 0]() { return 1; } })[x]` would read x
 * before assigning it). The arrow changes nothing else: `this` and
 * `arguments` are lexical, and the literal is evaluated where it was.
 */
export function shieldMethodReturns(body: t.BlockStatement, types: typeof t): void {
  // Most bodies have no method: nothing to shield, and no need to scan for yields.
  if (!someNode(body, (node) => METHOD_TYPES.has(node.type), types)) return;
  const leaps = regeneratorLeapTest(types);
  const yields = new YieldScan(body, types);
  const visit = (node: t.Node): void => {
    for (const key of types.VISITOR_KEYS[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      const items = Array.isArray(child) ? child : [child];
      items.forEach((item, index) => {
        if (!item || typeof item !== "object") return;
        const inner = item as t.Node;
        if (types.isFunctionExpression(inner) || types.isArrowFunctionExpression(inner)) return; // opaque to regenerator already
        if ((types.isObjectExpression(inner) || types.isClassExpression(inner)) && leaps(inner) && !yields.containsYield(inner)) {
          const shielded = types.callExpression(types.arrowFunctionExpression([], inner), []);
          if (Array.isArray(child)) child[index] = shielded;
          else (node as unknown as Record<string, unknown>)[key] = shielded;
          return;
        }
        visit(inner);
      });
    }
  };
  visit(body);
}
