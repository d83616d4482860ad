/**
 * Which frame fields are live at each yield: only those belong in a
 * snapshot, so a helper closure or a temporary used before the yield cannot
 * make the snapshot fail.
 *
 * The body is structured code, so from a yield control can only reach code
 * that comes after it in the source, or anything inside a loop that encloses
 * it. A field is live at a yield if it is read in either place, unless every
 * way there writes it first (below); computed in one walk of the lowered
 * body. Only reads count: a field that is only assigned after the yield does
 * not need its old value. Regenerator may postpone a read past a yield in the
 * same expression (`x[yield]` reads `x` after resuming), so every read in the
 * statement that holds the yield counts as well, except the reads in the
 * yield's own argument: that is evaluated in full before it suspends (`yield
 * { seen, width }` does not keep `width` alive).
 *
 * Written first: a statement `$F.$x = …;` (or a sequence of such
 * assignments, `$F.$a = 1, $F.$b = 2;`) directly in a block, outside nested
 * functions, is a definite write of `x`. A read that comes after it in the
 * same block does not keep `x` live at a yield, because a block is entered
 * only at its start and each of its statements only by completing the one
 * before: every way from anywhere outside the block to that read completes
 * the write, whatever throws (an exception skips the rest of the block, and
 * its handlers are outside it). So the read is overwritten unless the yield
 * itself lies in the block after the write (the assignment, not its
 * statement: in `$F.$a = f(), $F.$b = yield;` the yield comes after `a` is
 * written) and the read can follow it without going back through the block's
 * start: later in the source, in the yield's own statement (as above), or in
 * a loop inside the block around both. `pending = fetch(url); yield await
 * pending;` in a loop body: the only read is in the argument of the yield, and
 * the way back to it goes round the loop, through the block's start and the
 * write, so `pending` is dead at the yield. Not definite writes: an
 * assignment under an `if`, in a `switch` case, behind `&&`, in a nested
 * loop's body (those are blocks of their own, whose later reads alone they
 * cover), a compound one (`+=`, `++`: they read first anyway), a
 * destructuring target, a `for…of` head. Reads in a `catch` or `finally`
 * around the write are outside its block, so they still count, as do reads
 * of the old value by a closure: a field a nested function uses is never
 * taken as overwritten (the closure may run between the yield and the write).
 */
import type { types as t } from "@babel/core";
import { isAwaitYield } from "./async-lower.js";
import { firstAtOrAfter } from "./offsets-in-range.js";

export interface YieldSite {
  line: number;
  column: number;
  /** The fields read after this yield (in source order or in an enclosing loop) before any definite write of them. */
  liveFields: Set<string>;
  /** The fields used before this yield: those not live here may be cleared when it suspends. */
  usedBefore: Set<string>;
  /** The loops around this yield, outermost first. */
  loops: EnclosingLoop[];
  /**
   * An earlier yield (its index in the returned list) that every way to this
   * one passes, and the fields read or written between the two: a field dead
   * at both and untouched between holds nothing here that the earlier one's
   * clearing left. (The yields of consecutive statements of one block.)
   */
  dominator?: { index: number; touchedBetween: Set<string> };
}

export interface EnclosingLoop {
  /** The statement to put code before: the loop, or the outermost label on it. */
  statement: t.Statement;
  /** The node holding that statement, and the key it is under (a list of statements, or a single one). */
  parent: t.Node;
  key: string;
  /** The fields read or written anywhere inside the loop. */
  touched: Set<string>;
}

const LOOPS = new Set(["ForStatement", "WhileStatement", "DoWhileStatement", "ForOfStatement", "ForInStatement"]);

export function liveFieldsAtYields(
  body: t.BlockStatement,
  frameName: string,
  types: typeof t,
  blockOfField: ReadonlyMap<string, t.Node> = new Map(),
  capturedFields: ReadonlySet<string> = new Set(),
): YieldSite[] {
  // Where each block that declares fields starts and ends in the walk.
  const blocks = new Set(blockOfField.values());
  // `for (let i …)`: the loop is the field's own block, and repeats with the binding alive.
  const blockIsLoop = (field: string) => LOOPS.has(blockOfField.get(field)?.type ?? "");
  const blockSpan = new Map<t.Node, { start: number; end: number }>();
  const accesses: Array<{ at: number; field: string; read: boolean }> = [];
  /** `argumentFrom`: the clock when the yield was entered; its argument's reads come after it and before `at`. */
  const yields: Array<{
    at: number;
    argumentFrom: number;
    node: t.YieldExpression;
    statement: { start: number; end: number; block?: t.Node };
    conditional: boolean;
  }> = [];
  /** `block`: the block the statement is a statement of, if it is one directly. */
  const openStatements: Array<{ start: number; end: number; block?: t.Node }> = [];
  const loops: Array<{ start: number; end: number; place: Place }> = [];
  /**
   * By field, its whole-statement writes (`$F.$x = …;` at the top level of a
   * block, outside nested functions): `at`, the clock when the field is
   * written; `end`, when the statement completes; `block`, its block.
   */
  const definiteWrites = new Map<string, DefiniteWrite[]>();
  /**
   * By field, the writes `$F.$x = …` that run whenever their statement runs
   * far enough (not behind `&&`, `?:`, an optional chain or in a branch):
   * `at`, the clock when the field is written; `statement`, the span of the
   * innermost statement holding it, whose expression part they are in.
   */
  const statementWrites = new Map<string, Array<{ at: number; statement: Span }>>();
  /** Where the walk fills in those clocks: on leaving the block, the statement, the assignment. */
  const onExit = new Map<t.Node, (clock: number) => void>();
  let clock = 0;

  const noteDefiniteWrites = (block: t.BlockStatement, start: number) => {
    const span = { start, end: Infinity };
    for (const statement of block.body) {
      const writes = wholeStatementWrites(statement, frameName, types).map((assignment) => {
        const write = { at: Infinity, end: Infinity, block: span };
        onExit.set(assignment, (clock) => (write.at = clock));
        const field = ((assignment.left as t.MemberExpression).property as t.Identifier).name;
        let list = definiteWrites.get(field);
        if (!list) definiteWrites.set(field, (list = []));
        list.push(write);
        return write;
      });
      if (writes.length === 0) continue;
      onExit.set(statement, (clock) => writes.forEach((write) => (write.end = clock)));
      onExit.set(block, (clock) => (span.end = clock));
    }
  };

  // An explicit stack keeps deep bodies from overflowing ours.
  /** `target`: the node is written to (an assignment's left side or a pattern element), not read. */
  /** `enteredAt`: on an exit item, the clock when the node was entered. */
  /** `place`: where the node is (for a labeled statement's body: where the label is). */
  /** `nested`: the node is inside a function or class nested in the body. */
  /** `conditional`: within its statement, the node may be skipped (`a && b`'s `b`, an `if`'s branches). */
  /** `inBlock`: the node is a statement of this block's body. */
  type Work = {
    node: t.Node;
    exit: boolean;
    enteredAt?: number;
    target?: boolean;
    place?: Place;
    nested?: boolean;
    conditional?: boolean;
    inBlock?: t.Node;
  };
  const stack: Work[] = [{ node: body, exit: false }];
  while (stack.length > 0) {
    const work = stack.pop()!;
    const node = work.node;
    if (work.exit) {
      clock++;
      // An await (a yield in an async generator's lowered body) is no resume
      // point, nor is a yield of a (native) generator nested in the body.
      if (node.type === "YieldExpression" && !isAwaitYield(node) && !work.nested) {
        const statement = openStatements[openStatements.length - 1]!;
        yields.push({
          at: clock,
          argumentFrom: work.enteredAt!,
          node: node as t.YieldExpression,
          statement,
          conditional: Boolean(work.conditional),
        });
      }
      if (LOOPS.has(node.type)) loops.push({ start: work.enteredAt!, end: clock, place: work.place! });
      if (
        node.type === "AssignmentExpression" &&
        !work.conditional &&
        !work.nested &&
        (node as t.AssignmentExpression).operator === "=" &&
        isFrameFieldNode((node as t.AssignmentExpression).left, frameName, types)
      ) {
        const field = (((node as t.AssignmentExpression).left as t.MemberExpression).property as t.Identifier).name;
        let list = statementWrites.get(field);
        if (!list) statementWrites.set(field, (list = []));
        list.push({ at: clock, statement: openStatements[openStatements.length - 1]! });
      }
      if (isStatementNode(node, types)) openStatements.pop()!.end = clock;
      if (blocks.has(node)) blockSpan.get(node)!.end = clock;
      onExit.get(node)?.(clock);
      continue;
    }
    clock++;
    if (blocks.has(node)) blockSpan.set(node, { start: clock, end: Infinity });
    if (isStatementNode(node, types)) openStatements.push({ start: clock, end: Infinity, block: work.inBlock });
    if (node.type === "BlockStatement" && !work.nested) noteDefiniteWrites(node as t.BlockStatement, clock);
    const isFrameField =
      node.type === "MemberExpression" &&
      types.isIdentifier((node as t.MemberExpression).object, { name: frameName }) &&
      types.isIdentifier((node as t.MemberExpression).property);
    if (isFrameField) {
      accesses.push({ at: clock, field: ((node as t.MemberExpression).property as t.Identifier).name, read: !work.target });
    }
    stack.push({ node, exit: true, enteredAt: clock, place: work.place, nested: work.nested, conditional: work.conditional });
    const keys = types.VISITOR_KEYS[node.type] ?? [];
    const isLabel = node.type === "LabeledStatement";
    const nested = work.nested || types.isFunction(node) || node.type === "ClassBody";
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k]!;
      const target = isTargetChild(node, key, Boolean(work.target));
      // A statement's expression part starts unconditional; anything but a whitelisted position is conditional.
      const conditional = isStatementNode(node, types)
        ? !STATEMENT_EXPRESSION_KEYS.has(`${node.type}.${key}`)
        : Boolean(work.conditional) || !isUnconditionalChild(node, key);
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) {
          const element = child[i] as t.Node | null;
          if (element) {
            const inBlock = node.type === "BlockStatement" && key === "body" ? node : undefined;
            stack.push({ node: element, exit: false, target, place: placeOf(element, node, key), nested, conditional, inBlock });
          }
        }
      } else if (child && typeof child === "object") {
        const place = isLabel && key === "body" ? work.place : placeOf(child as t.Node, node, key);
        stack.push({ node: child as t.Node, exit: false, target, place, nested, conditional });
      }
    }
  }

  // The fields each loop touches: accesses are in clock order, so a loop's are one run of them.
  const enclosingLoop = (loop: (typeof loops)[number]): EnclosingLoop => {
    const touched = new Set<string>();
    for (
      let i = firstAtOrAfter(accesses.length, (index) => accesses[index]!.at, loop.start);
      i < accesses.length && accesses[i]!.at <= loop.end;
      i++
    )
      touched.add(accesses[i]!.field);
    return { ...loop.place, touched };
  };
  const described = new Map<(typeof loops)[number], EnclosingLoop>();

  // Per read, found once: the span of its field's block, and the definite
  // writes that may overwrite it, those earlier in a block around it. Only
  // the last in each block matters (a yield after it is after the others
  // too); a block's writes are listed together, in order.
  const spanOfField = (field: string) => (blockOfField.has(field) ? blockSpan.get(blockOfField.get(field)!) : undefined);
  const fieldSpans = accesses.map(({ field }) => spanOfField(field));
  const overwriters = accesses.map(({ at, field, read }) => {
    const found: DefiniteWrite[] = [];
    if (!read || capturedFields.has(field)) return found;
    for (const write of definiteWrites.get(field) ?? []) {
      if (write.end >= at || at > write.block.end) continue;
      if (found.length > 0 && found[found.length - 1]!.block === write.block) found[found.length - 1] = write;
      else found.push(write);
    }
    return found;
  });
  // Per read, a write earlier in the read's statement that runs whenever the
  // read does (`$F.$_ref = f(yield x), $F.$a = $F.$_ref.a;`, a lowered
  // destructuring; `($F.$_v = o.v) != null ? $F.$_v : …`, a lowered `??`):
  // every way to the read from outside the statement goes through the write,
  // and so does a way from a yield before the write in the statement.
  const statementOverwriters = accesses.map(({ at, field, read }) => {
    if (!read || capturedFields.has(field)) return undefined;
    let last: { at: number; statement: Span } | undefined;
    for (const write of statementWrites.get(field) ?? []) {
      if (write.at < at && at <= write.statement.end && write.statement.start <= write.at) last = write;
    }
    return last;
  });

  /** The fields read or written at clocks in (from, to). */
  const touchedBetween = (from: number, to: number): Set<string> => {
    const touched = new Set<string>();
    for (
      let i = firstAtOrAfter(accesses.length, (index) => accesses[index]!.at, from + 1);
      i < accesses.length && accesses[i]!.at < to;
      i++
    )
      touched.add(accesses[i]!.field);
    return touched;
  };
  /**
   * The nearest earlier yield that always runs before this one: a yield that
   * runs whenever its statement does, in an earlier statement of the same
   * block (a block is entered only at its start, and its statements run in
   * order). Not a switch's cases: a case label jumps into the middle.
   */
  const dominatorOf = (index: number): YieldSite["dominator"] => {
    const { statement, at } = yields[index]!;
    if (statement.block === undefined) return undefined;
    for (let j = index - 1; j >= 0; j--) {
      const earlier = yields[j]!;
      if (earlier.statement.block !== statement.block || earlier.statement.end >= statement.start || earlier.conditional) continue;
      // From the start of the earlier yield's statement: the walk visits an assignment's target before its
      // value, so `x = yield 1` writes `x` after that yield though the walk met the write first.
      return { index: j, touchedBetween: touchedBetween(earlier.statement.start, at) };
    }
    return undefined;
  };

  return yields.map(({ at, argumentFrom, node, statement }, yieldIndex) => {
    const live = new Set<string>();
    const usedBefore = new Set<string>();
    const enclosing = loops.filter((loop) => loop.start <= at && at <= loop.end).sort((a, b) => a.start - b.start);
    // A block-scoped field outside its block is dead: the way back in
    // goes through its declaration, which writes it.
    const outOfScope = (field: string) => {
      const block = blockOfField.get(field);
      if (!block) return false;
      const span = blockSpan.get(block);
      return span !== undefined && (at < span.start || at > span.end);
    };
    // Whether the yield lies after a definite write in its block, from where
    // the read can follow without leaving the block through its start: it is
    // ahead, or in a loop inside the block around both.
    const yieldBetween = (write: DefiniteWrite, readAt: number, ahead: boolean) =>
      write.at < at &&
      at <= write.block.end &&
      (ahead ||
        enclosing.some(
          (loop) => loop.start > write.block.start && loop.end <= write.block.end && loop.start <= readAt && readAt <= loop.end,
        ));
    const isOverwritten = (index: number, ahead: boolean) => {
      // Unless the write came before the yield and the read may come after it (it is ahead, or in the
      // yield's statement, where regenerator may postpone it past the yield).
      const inStatement = statementOverwriters[index];
      if (inStatement !== undefined && !(inStatement.at < at && ahead)) return true;
      for (const write of overwriters[index]!) if (!yieldBetween(write, accesses[index]!.at, ahead)) return true;
      return false;
    };
    // Whether a loop around the yield repeats the read without re-running
    // the field's declaration: a loop inside the field's block (or the block
    // itself, a `for (let …)`). A loop around the block re-enters it, and the
    // declaration writes the field before any read.
    const inLoop = (index: number) => {
      const { at: readAt, field } = accesses[index]!;
      const span = fieldSpans[index];
      return enclosing.some(
        (loop) =>
          loop.start <= readAt &&
          readAt <= loop.end &&
          (span === undefined ||
            (loop.start >= span.start && loop.end <= span.end) ||
            (loop.start <= span.start && loop.end >= span.end && blockIsLoop(field))),
      );
    };
    for (let index = 0; index < accesses.length; index++) {
      const access = accesses[index]!;
      if (outOfScope(access.field)) {
        if (access.at < at) usedBefore.add(access.field);
        continue;
      }
      if (!access.read) {
        if (access.at < at) usedBefore.add(access.field);
        continue;
      }
      if (live.has(access.field)) continue; // only the dead ones of usedBefore are cleared
      const inStatement = access.at >= statement.start && access.at <= statement.end;
      const inArgument = access.at > argumentFrom && access.at < at;
      // Reached from the yield without going round a loop (see the top for the yield's own statement).
      const ahead = access.at > at || (inStatement && !inArgument);
      if (!ahead && !inLoop(index)) usedBefore.add(access.field);
      else if (!isOverwritten(index, ahead)) live.add(access.field);
      // Overwritten before this read: the old value is dead, and cleared if it may be there.
      else if (access.at < at || inLoop(index)) usedBefore.add(access.field);
    }
    const loopsHere = enclosing.map((loop) => {
      let found = described.get(loop);
      if (!found) described.set(loop, (found = enclosingLoop(loop)));
      return found;
    });
    return {
      line: node.loc?.start.line ?? 0,
      column: node.loc?.start.column ?? 0,
      liveFields: live,
      usedBefore,
      loops: loopsHere,
      dominator: dominatorOf(yieldIndex),
    };
  });
}

type Place = Omit<EnclosingLoop, "touched">;
type Span = { start: number; end: number };
/** `at`: when the field is written; `end`: when its statement completes; `block`: the block it is a statement of. */
type DefiniteWrite = { at: number; end: number; block: Span };

/** Where a loop or a label is, for code to be put before it; other nodes need none. */
function placeOf(node: t.Node, parent: t.Node, key: string): Place | undefined {
  return LOOPS.has(node.type) || node.type === "LabeledStatement" ? { statement: node as t.Statement, parent, key } : undefined;
}

/** Whether `node[key]` is written to, given whether `node` itself is. */
function isTargetChild(node: t.Node, key: string, nodeIsTarget: boolean): boolean {
  switch (node.type) {
    case "AssignmentExpression":
      return key === "left" && (node as t.AssignmentExpression).operator === "=";
    case "ObjectPattern":
    case "ArrayPattern":
      return nodeIsTarget;
    case "ObjectProperty":
      // Inside a pattern, a property's value is the target; its key is read.
      return nodeIsTarget && key === "value";
    case "RestElement":
      return nodeIsTarget && key === "argument";
    case "AssignmentPattern":
      return nodeIsTarget && key === "left";
    default:
      return false;
  }
}

/**
 * The assignments that certainly write a field when a statement completes:
 * `$F.$x = …;`, or each of a sequence of them (`let a = 1, b = 2` once lowered).
 */
function wholeStatementWrites(statement: t.Statement, frameName: string, types: typeof t): t.AssignmentExpression[] {
  if (statement.type !== "ExpressionStatement") return [];
  const expression = statement.expression;
  const parts = expression.type === "SequenceExpression" ? expression.expressions : [expression];
  return parts.filter(
    (part): part is t.AssignmentExpression =>
      part.type === "AssignmentExpression" &&
      part.operator === "=" &&
      part.left.type === "MemberExpression" &&
      !part.left.computed &&
      types.isIdentifier(part.left.object, { name: frameName }) &&
      types.isIdentifier(part.left.property),
  );
}

function isStatementNode(node: t.Node, types: typeof t): boolean {
  return types.isStatement(node) && node.type !== "BlockStatement";
}

function isFrameFieldNode(node: t.Node, frameName: string, types: typeof t): boolean {
  return (
    node.type === "MemberExpression" &&
    !node.computed &&
    types.isIdentifier(node.object, { name: frameName }) &&
    types.isIdentifier(node.property)
  );
}

/**
 * The expression parts of a statement that run whenever it does: a write
 * there dominates the statement's later reads. A `while` loop's test runs
 * before each run of its body (`while ((m = re.exec(s))) yield m[1];`: `m` is
 * written again before the body reads it); a read later in the body than a
 * yield is still live there (the same run of the body, without the test in
 * between: see `ahead`). Not a `for` loop's test: the walk visits its update
 * before its body, but the update runs after it.
 */
const STATEMENT_EXPRESSION_KEYS = new Set([
  "ExpressionStatement.expression",
  "ReturnStatement.argument",
  "ThrowStatement.argument",
  "IfStatement.test",
  "SwitchStatement.discriminant",
  "WhileStatement.test",
]);

/**
 * Whether `node[key]` runs whenever `node` does (in evaluation order, before
 * what follows it): the operands of operators that do not short-circuit,
 * a call's callee and arguments, a member's object and key, the elements of
 * literals, a yield's argument; a `&&`'s left side and a `?:`'s test. Any
 * other child (a branch, a short-circuited operand, an optional chain's
 * rest, a default, a function or class) counts as conditional.
 */
function isUnconditionalChild(node: t.Node, key: string): boolean {
  switch (node.type) {
    case "SequenceExpression":
    case "BinaryExpression":
    case "UnaryExpression":
    case "UpdateExpression":
    case "CallExpression":
    case "NewExpression":
    case "MemberExpression":
    case "ArrayExpression":
    case "ObjectExpression":
    case "SpreadElement":
    case "TemplateLiteral":
    case "TaggedTemplateExpression":
    case "YieldExpression":
    case "AwaitExpression":
    case "ParenthesizedExpression":
      return true;
    case "ObjectProperty":
      return true;
    case "AssignmentExpression":
      // `a ||= b` may skip `b`.
      return key === "left" || !["||=", "&&=", "??="].includes((node as t.AssignmentExpression).operator);
    case "LogicalExpression":
      return key === "left";
    case "ConditionalExpression":
      return key === "test";
    default:
      return false;
  }
}
