/**
 * V8's message for a declared array pattern over something not iterable
 * prints the value the pattern reads when it is a name ("v is not
 * iterable") or the value of a yield ("(intermediate value) is not
 * iterable"); for anything else, and for any destructuring assignment, it
 * names the value ("number 5 is not iterable (cannot read property
 * Symbol(Symbol.iterator))"), which is what the runtime says by default.
 * Around a yield, Babel's destructuring transform hands that value to the
 * runtime's `destructureArray` (our stand-in for its helpers): a copy of the
 * name, or a local it declared with a copy of the yield (`_yield$ = yield
 * x`). Copies keep a node's `extra`, so the names and yields that declared
 * patterns read are marked there before the transform; after it, each
 * `destructureArray` call on a marked name, or on a local declared with a
 * marked yield, gets what V8 would print.
 */
import type { types as t } from "@babel/core";
import { forEachChild } from "./child-nodes.js";
import { INTERMEDIATE_VALUE } from "../runtime/engine-messages.js";
import { undefinedValue } from "./undefined-value.js";
import type { YieldScan } from "./yield-scan.js";

/** The key in a node's `extra` (which code versions leave out) that marks the value a declared array pattern reads. */
const MARK = "resumableArrayPatternValue";

/** Whether the body declares an array pattern that reads a name or the value of a yield. */
export function markArrayPatternValues(scan: YieldScan): boolean {
  let marked = false;
  for (const node of scan.nodes) {
    if (node.type !== "VariableDeclarator" || node.id.type !== "ArrayPattern") continue;
    const init = node.init;
    // Only what the source wrote: a local the lowering made has no source text for V8 to print.
    if (init == null || init.start == null) continue;
    if (init.type === "Identifier" || init.type === "YieldExpression" || init.type === "AwaitExpression") {
      init.extra = { ...init.extra, [MARK]: true };
      marked = true;
    }
  }
  return marked;
}

function isMarked(node: t.Node | null | undefined): boolean {
  return node?.extra?.[MARK] === true;
}

/**
 * Adds the printed value to each call of the runtime's `destructureArray`,
 * named `helperNames`, on a marked name or on a local declared with a
 * marked yield (or await).
 */
export function passArrayPatternOperands(body: t.BlockStatement, helperNames: ReadonlySet<string>, types: typeof t): void {
  const holdsYieldValue = new Set<string>();
  const printedValue = (value: t.Node | undefined): string | undefined => {
    if (value?.type !== "Identifier") return undefined;
    if (isMarked(value)) return value.name;
    return holdsYieldValue.has(value.name) ? INTERMEDIATE_VALUE : undefined;
  };
  const visit = (node: t.Node): void => {
    // The transform leaves nested functions alone, and so do we.
    if (types.isFunction(node)) return;
    if (node.type === "VariableDeclarator" && node.id.type === "Identifier" && isMarked(node.init)) holdsYieldValue.add(node.id.name);
    if (node.type === "CallExpression" && node.callee.type === "Identifier" && helperNames.has(node.callee.name)) {
      const printed = printedValue(node.arguments[0]);
      if (printed !== undefined) {
        // `_toArray(v)` (a rest element) has no count.
        if (node.arguments.length === 1) node.arguments.push(undefinedValue(types));
        node.arguments.push(types.stringLiteral(printed));
      }
    }
    forEachChild(node, visit, types);
  };
  forEachChild(body, visit, types);
}
