/**
 * V8's message for a spread of something not iterable prints the spread's
 * operand: "v is not iterable" in an array literal; as a call's last
 * argument, "v is not iterable (cannot read property null)", or "Spread
 * syntax requires ...iterable[Symbol.iterator] to be a function" for a value
 * that is not null or undefined.
 * Around a yield, Babel's spread transform hands the operand to the
 * runtime's `spreadToArray` (our stand-in for its helper) and nothing about
 * where it came from. So the operands are printed before any lowering step
 * rewrites them (`a ?? []` becomes a conditional), keyed by their
 * SpreadElement, which the steps keep; after the spread transform, each
 * `spreadToArray` call it made gets what V8 would print.
 */
import type { types as t } from "@babel/core";
import { forEachChild } from "./child-nodes.js";
import { printedSpreadOperand } from "./printed-expression.js";
import { undefinedValue } from "./undefined-value.js";
import type { YieldScan } from "./yield-scan.js";

export interface SpreadOperand {
  /** The operand as V8 prints it; undefined when the runtime should describe the value instead. */
  printed: string | undefined;
  /** The one spread of a call's or `new`'s arguments, and the last: V8 words its message differently. */
  inArguments: boolean;
}

/** The spreads of array literals and argument lists that contain a yield: those the spread transform rewrites. */
export function spreadOperandsAroundYields(scan: YieldScan): Map<t.SpreadElement, SpreadOperand> {
  const operands = new Map<t.SpreadElement, SpreadOperand>();
  for (const node of scan.nodes) {
    let list: ReadonlyArray<t.Node | null>;
    if (node.type === "ArrayExpression") list = node.elements;
    else if (node.type === "CallExpression" || node.type === "NewExpression" || node.type === "OptionalCallExpression")
      list = node.arguments;
    else continue;
    if (!scan.containsYield(node)) continue;
    if (node.type !== "ArrayExpression") {
      // V8 names the operand of a spread in arguments only when it is the one spread, and the last argument;
      // it builds any other argument list as a list first, and its message then names the value alone.
      const last = list[list.length - 1];
      const spreads = list.filter((item) => item?.type === "SpreadElement").length;
      if (last?.type === "SpreadElement" && spreads === 1)
        operands.set(last, { printed: printedSpreadOperand(last.argument), inArguments: true });
      continue;
    }
    for (const item of list) {
      if (item?.type === "SpreadElement") operands.set(item, { printed: printedSpreadOperand(item.argument), inArguments: false });
    }
  }
  return operands;
}

/**
 * Adds the printed operand (and, in arguments, `true`) to each call of the
 * runtime's `spreadToArray`, named `helperNames`, whose argument is the
 * operand of a recorded spread.
 */
export function passSpreadOperands(
  body: t.BlockStatement,
  operands: ReadonlyMap<t.SpreadElement, SpreadOperand>,
  helperNames: ReadonlySet<string>,
  types: typeof t,
): void {
  const byArgument = new Map<t.Node, SpreadOperand>();
  for (const [spread, operand] of operands) byArgument.set(spread.argument, operand);
  const visit = (node: t.Node): void => {
    // The transform leaves nested functions alone, and so do we.
    if (types.isFunction(node)) return;
    if (node.type === "CallExpression" && node.callee.type === "Identifier" && helperNames.has(node.callee.name)) {
      const operand = node.arguments.length === 1 ? byArgument.get(node.arguments[0]!) : undefined;
      if (operand !== undefined && (operand.printed !== undefined || operand.inArguments)) {
        node.arguments.push(operand.printed === undefined ? undefinedValue(types) : types.stringLiteral(operand.printed));
        if (operand.inArguments) node.arguments.push(types.booleanLiteral(true));
      }
    }
    forEachChild(node, visit, types);
  };
  forEachChild(body, visit, types);
}
