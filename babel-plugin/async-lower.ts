/**
 * Phase 1a, for `async function*` only: the body's awaits become yields, so
 * that regenerator's emitter explodes them like any other suspension, and
 * the rest of the lowering (lower.ts), which fixes evaluation order around
 * yields, treats them the same way. They are told apart from the real
 * yields by their `loc` object (see isAwaitYield): explode.ts lists their
 * resume locations separately, the runtime's AsyncFrame awaits the value
 * the body hands it there, and they are not resume points (a snapshot is
 * never taken in the middle of an await).
 *
 * - `await e` becomes such a yield of `e`;
 * - `return e` becomes `return (await e)`, as the spec's return in an async
 *   generator awaits its operand (so a rejection is caught by a catch
 *   around the return);
 * - `for await (x of src)` becomes an explicit loop: `asyncIterate(src)`,
 *   an awaited `next()` per step, and the iterator closed on early exit,
 *   its `return()` awaited (AsyncIteratorClose);
 * - `yield v` needs nothing here: the runtime awaits `v` before it yields;
 * - `yield*` neither: the runtime's AsyncFrame runs the async `yield*` loop.
 */
import type { NodePath, types as t, Visitor } from "@babel/core";
import { collapseLabelChains } from "./label-chains.js";
import { isNotObject, keepHeadDeadZone, noteYieldsInLoop, skipNestedFunction, type LowerContext } from "./lower.js";
import { patternValueChecked } from "./destructure-checks.js";
import { loopHeadCall } from "./loop-head-call.js";
import { notAsyncIterableMessage } from "./printed-expression.js";

/** The `loc` objects of the yields that stand for awaits: each is a copy made for one such yield, and kept by explode.ts's clones. */
const awaitLocs = new WeakSet<object>();

export function isAwaitYield(node: t.Node): boolean {
  return node.type === "YieldExpression" && node.loc != null && awaitLocs.has(node.loc);
}

/** Whether a statement the emitter made (`return value` after `_next = L`) suspends for an await. */
export function isAwaitLoc(loc: t.SourceLocation | null | undefined): boolean {
  return loc != null && awaitLocs.has(loc);
}

export function lowerAsyncGeneratorBody(body: NodePath<t.BlockStatement>, context: LowerContext): void {
  const t = context.types;
  const fallbackLoc = body.node.loc;

  function awaitYield(argument: t.Expression, from: t.Node): t.YieldExpression {
    const source = from.loc ?? fallbackLoc;
    const node = t.yieldExpression(argument, false);
    const loc = source
      ? ({ ...source } as t.SourceLocation)
      : ({ start: { line: 1, column: 0, index: 0 }, end: { line: 1, column: 0, index: 0 } } as t.SourceLocation);
    awaitLocs.add(loc);
    node.loc = loc;
    node.start = from.start;
    node.end = from.end;
    return node;
  }

  // Several labels on a `for await` must be one before it becomes a loop in a block (label-chains.ts).
  collapseLabelChains(body.node, t);

  // 1. `for await` loops become explicit loops (with `await` expressions, turned into yields in 2).
  body.traverse(
    ownCode({
      ForOfStatement: {
        exit(path) {
          if (path.node.await) lowerForAwait(path);
        },
      },
    }),
  );

  function lowerForAwait(path: NodePath<t.ForOfStatement>): void {
    const { runtime } = context;
    keepHeadDeadZone(path, t, runtime);
    const { left, right, body: loopBody } = path.node;
    // Printed from the expression as written, before anything rewrites it.
    const notAsyncIterable = notAsyncIterableMessage(right);
    const scope = path.scope;
    const iterator = scope.generateUidIdentifier("iterator");
    context.iteratorNames.add(iterator.name);
    context.asyncIteratorNames.add(iterator.name);
    noteYieldsInLoop(path.get("body"), iterator.name, context, isAwaitYield);
    const step = scope.generateUidIdentifier("step");
    const value = scope.generateUidIdentifier("value");
    const open = scope.generateUidIdentifier("iteratorOpen");
    const error = scope.generateUidIdentifier("error");
    const ignored = scope.generateUidIdentifier("ignored");
    const returnedAfterThrow = scope.generateUidIdentifier("returned");
    const returned = scope.generateUidIdentifier("returned");
    const closed = scope.generateUidIdentifier("closed");
    const label = path.parentPath.isLabeledStatement() ? path.parentPath.node.label : null;
    const at = path.node;
    const awaited = (e: t.Expression) => {
      const node = t.awaitExpression(e);
      node.loc = at.loc;
      return node;
    };
    const setOpen = (flag: boolean) => t.expressionStatement(t.assignmentExpression("=", t.cloneNode(open), t.booleanLiteral(flag)));
    const notObject = (id: t.Identifier) =>
      t.ifStatement(isNotObject(id, t), t.expressionStatement(t.callExpression(runtime.get("iteratorResultNotObject"), [t.cloneNode(id)])));
    const assignLeft = (target: t.VariableDeclaration | t.LVal, from: t.Expression): t.Statement => {
      if (t.isVariableDeclaration(target)) {
        const id = target.declarations[0]!.id;
        return t.variableDeclaration(target.kind, [t.variableDeclarator(id, patternValueChecked(from, ".for", id, t, runtime))]);
      }
      return t.expressionStatement(t.assignmentExpression("=", target as t.LVal, from));
    };
    const callReturn = () => t.callExpression(runtime.get("callAsyncReturn"), [t.cloneNode(iterator)]);
    const hasReturn = (id: t.Identifier) => t.binaryExpression("!==", t.cloneNode(id), runtime.get("NO_RETURN"));

    let loop: t.Statement = t.forStatement(
      null,
      null,
      null,
      t.blockStatement([
        setOpen(false),
        t.variableDeclaration("const", [
          t.variableDeclarator(step, awaited(t.callExpression(t.memberExpression(t.cloneNode(iterator), t.identifier("next")), []))),
        ]),
        notObject(step),
        t.ifStatement(t.memberExpression(t.cloneNode(step), t.identifier("done")), t.breakStatement()),
        t.variableDeclaration("const", [t.variableDeclarator(value, t.memberExpression(t.cloneNode(step), t.identifier("value")))]),
        setOpen(true),
        assignLeft(left, t.cloneNode(value)),
        loopBody,
      ]),
    );
    if (label) loop = t.labeledStatement(label, loop);

    // AsyncIteratorClose after a throw: the iterator's return() is called and
    // awaited, and whatever it does is ignored; the loop's exception goes on.
    const closeAfterThrow = t.ifStatement(
      t.cloneNode(open),
      t.blockStatement([
        setOpen(false),
        t.tryStatement(
          t.blockStatement([
            t.variableDeclaration("const", [t.variableDeclarator(returnedAfterThrow, callReturn())]),
            t.ifStatement(hasReturn(returnedAfterThrow), t.expressionStatement(awaited(t.cloneNode(returnedAfterThrow)))),
          ]),
          t.catchClause(ignored, t.blockStatement([])),
        ),
      ]),
    );
    // After a break, continue or return: the awaited result of return() must be an object.
    const close = t.ifStatement(
      t.cloneNode(open),
      t.blockStatement([
        setOpen(false),
        t.variableDeclaration("const", [t.variableDeclarator(returned, callReturn())]),
        t.ifStatement(
          hasReturn(returned),
          t.blockStatement([
            t.variableDeclaration("const", [t.variableDeclarator(closed, awaited(t.cloneNode(returned)))]),
            notObject(closed),
          ]),
        ),
      ]),
    );

    const replacement = t.blockStatement([
      t.variableDeclaration("const", [
        t.variableDeclarator(
          iterator,
          t.callExpression(
            runtime.get("asyncIterate"),
            notAsyncIterable === undefined
              ? [right]
              : [loopHeadCall(right, notAsyncIterable, t, runtime), t.stringLiteral(notAsyncIterable)],
          ),
        ),
      ]),
      t.variableDeclaration("let", [t.variableDeclarator(open, t.booleanLiteral(false))]),
      t.tryStatement(
        t.blockStatement([loop]),
        t.catchClause(error, t.blockStatement([closeAfterThrow, t.throwStatement(t.cloneNode(error))])),
        t.blockStatement([close]),
      ),
    ]);
    (label ? path.parentPath! : path).replaceWith(replacement);
  }

  // 2. `await e` and `return e`.
  const wrapped = new WeakSet<t.Node>();
  const convertAwait = (path: NodePath<t.AwaitExpression>) => {
    path.replaceWith(awaitYield(path.node.argument, path.node));
  };
  body.traverse(
    ownCode({
      AwaitExpression: { exit: convertAwait },
      ReturnStatement: {
        exit(path) {
          const argument = path.node.argument;
          if (!argument || wrapped.has(path.node)) return;
          wrapped.add(path.node);
          path.node.argument = awaitYield(argument, path.node);
        },
      },
    }),
  );
}

type ExitHandlers = {
  ForOfStatement?: { exit: (path: NodePath<t.ForOfStatement>) => void };
  AwaitExpression?: { exit: (path: NodePath<t.AwaitExpression>) => void };
  ReturnStatement?: { exit: (path: NodePath<t.ReturnStatement>) => void };
};

/**
 * A visitor for the generator's own code: `handlers`, with nested functions
 * skipped except a method's computed key (evaluated by the generator), whose
 * own nested functions are skipped in turn. Built anew for each traversal:
 * Babel normalizes a visitor object in place.
 */
function ownCode(handlers: ExitHandlers): Visitor {
  const visitor: Visitor = {
    Function(path) {
      skipNestedFunction(path, (key) => {
        if (key.isAwaitExpression() && handlers.AwaitExpression) {
          key.traverse(ownCode(handlers));
          handlers.AwaitExpression.exit(key);
        } else {
          key.traverse(ownCode(handlers));
        }
      });
    },
  };
  if (handlers.ForOfStatement) visitor.ForOfStatement = { exit: handlers.ForOfStatement.exit };
  if (handlers.AwaitExpression) visitor.AwaitExpression = { exit: handlers.AwaitExpression.exit };
  if (handlers.ReturnStatement) visitor.ReturnStatement = { exit: handlers.ReturnStatement.exit };
  return visitor;
}
