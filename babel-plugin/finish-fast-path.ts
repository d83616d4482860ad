/**
 * A finally block that ends with no completion pending (its try block ran
 * to the end, or its catch block did) continues after the try statement.
 * regenerator's emitter ends every exploded finally block with
 * `return F._finish(finallyLoc)`: the runtime then looks the try statement up
 * in the frame's try table, finds nothing pending, sets `_next` to the
 * statement after it and returns CONTINUE, so the frame's `next()` calls
 * `_body` again. In a loop around a try/finally that is two shared runtime
 * calls and a trip out of `_body` per iteration (stepping case (c) of the
 * benchmark). When no completion is pending anywhere (`_pending === null`),
 * the body now makes that jump itself, as it does for any other jump:
 *
 *   if (F._pending === null) { F._next = afterLoc; break; }
 *   return F._finish(finallyLoc);
 *
 * A pending return, throw, break or continue still goes through `_finish`.
 */
import type { types as t } from "@babel/core";
import type { ExplodedBody } from "./explode.js";

export function jumpPastFinishedFinallyBlocks(
  dispatch: t.SwitchStatement,
  frameName: string,
  tryLocs: ExplodedBody["tryLocs"],
  types: typeof import("@babel/core").types,
): void {
  const t = types;
  const afterLocOf = new Map<number, number>();
  for (const [, , finallyLoc, afterLoc] of tryLocs) if (finallyLoc !== null && afterLoc !== null) afterLocOf.set(finallyLoc, afterLoc);
  if (afterLocOf.size === 0) return;
  const frame = () => t.identifier(frameName);
  for (const switchCase of dispatch.cases) {
    const statements = switchCase.consequent;
    for (let index = 0; index < statements.length; index++) {
      const finallyLoc = finishedFinallyLoc(statements[index]!, frameName, t);
      const afterLoc = finallyLoc === undefined ? undefined : afterLocOf.get(finallyLoc);
      if (afterLoc === undefined) continue;
      const jump = t.ifStatement(
        t.binaryExpression("===", t.memberExpression(frame(), t.identifier("_pending")), t.nullLiteral()),
        t.blockStatement([
          t.expressionStatement(
            t.assignmentExpression("=", t.memberExpression(frame(), t.identifier("_next")), t.numericLiteral(afterLoc)),
          ),
          t.breakStatement(),
        ]),
      );
      statements.splice(index, 0, jump);
      index++;
    }
  }
}

/** The location N of a case-level `return F._finish(N)`, else undefined. */
function finishedFinallyLoc(statement: t.Statement, frameName: string, t: typeof import("@babel/core").types): number | undefined {
  if (!t.isReturnStatement(statement) || !t.isCallExpression(statement.argument)) return undefined;
  const { callee, arguments: args } = statement.argument;
  if (!t.isMemberExpression(callee) || !t.isIdentifier(callee.object, { name: frameName })) return undefined;
  if (!t.isIdentifier(callee.property, { name: "_finish" }) || args.length !== 1 || !t.isNumericLiteral(args[0])) return undefined;
  return args[0].value;
}
