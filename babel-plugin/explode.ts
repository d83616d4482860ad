/**
 * Phase 3: regenerator's emitter explodes the (lowered, declaration-free)
 * body into numbered cases of a `switch`, with the frame as its context
 * object. We then give regenerator's context members the frame's names
 * (`_next`, `_t0`, `_abrupt`…: the `_` prefix keeps them apart from user
 * locals, which are all `$name`) and read back where each `yield` landed.
 */
import type { NodePath, types as t } from "@babel/core";
import { createRequire } from "node:module";
import { isAwaitLoc } from "./async-lower.js";
import { forEachChild } from "./child-nodes.js";
import { jumpPastFinishedFinallyBlocks } from "./finish-fast-path.js";
import { shieldMethodReturns } from "./regenerator-leaps.js";
import { storeInEach } from "./store-in-each.js";
import { undefinedValue } from "./undefined-value.js";

const require = createRequire(import.meta.url);

interface RegeneratorEmitter {
  explode(path: NodePath, ignoreResult?: boolean): void;
  getContextFunction(id: t.Identifier): t.FunctionExpression;
  getTryLocsList(): t.ArrayExpression | null;
}
const { Emitter } = require("regenerator-transform/lib/emit.js") as {
  Emitter: new (contextId: t.Identifier) => RegeneratorEmitter;
};
const { wrapWithTypes } = require("regenerator-transform/lib/util.js") as {
  wrapWithTypes<F extends (...args: never[]) => unknown>(types: unknown, fn: F): F;
};

/** regenerator's context member → the frame's field or method. */
const CONTEXT_MEMBERS: Record<string, string> = {
  next: "_next",
  prev: "_prev",
  sent: "_sent",
  rval: "_rval",
  abrupt: "_abrupt",
  finish: "_finish",
  catch: "_catch",
  stop: "_stop",
  delegateYield: "_delegateYield",
};

export interface ExplodedYield {
  /** Where the frame continues after this yield (the value of `_next` while suspended). */
  resumeAt: number;
  /** The case that contains the yield: the value of `_prev` while suspended, which decides the enclosing try. */
  within: number;
  /** The source position of the yield, to match it with its resume point. */
  line: number;
  column: number;
  delegate: boolean;
  /** For `yield*`: the temporary that receives the delegate's return value. */
  resultTemp: string | undefined;
  /** The statements of the case holding the yield, and the `return` that suspends. */
  statements: t.Statement[];
  suspend: t.ReturnStatement;
}

export interface ExplodedBody {
  /** The `while (1) switch (…)` statement, operating on the frame identifier. */
  dispatchLoop: t.Statement;
  /** [tryLoc, catchLoc?, finallyLoc?, afterLoc?] for each try statement, outermost first. */
  tryLocs: Array<[number, number | null, number | null, number | null]>;
  finalLoc: number;
  /** Every case label: the only locations a jump may target. */
  locations: number[];
  yields: ExplodedYield[];
  /** In an async generator: the resume locations of its awaits (yields in the lowered body, but no resume points). */
  awaits: number[];
  temps: string[];
  /**
   * Temporaries written once, with a frame field (`_t0 = $F.$f`, or
   * `(0, $F.$f)`): the field each holds. An engine message that names the
   * temporary ("(0 , _frame._t0) is not a function") names the field's
   * source name instead (runtime/engine-messages.ts).
   */
  tempSources: Record<string, string>;
  /**
   * Locals only ever written with one other frame field (`$F.$_x = $F.$x`,
   * what the lowering of `x?.(yield v)` does): the field each copies. For the
   * locals the compiler declared, engine messages name that field instead
   * (compiler-locals.ts).
   */
  fieldCopies: Map<string, string>;
  /**
   * Temporaries that hold a method read before the arguments of its call,
   * with the field that holds its object and its key: found in the calls of
   * the runtime's `callMethodRead(method, object, "key", …)` (lower.ts).
   */
  methodTemps: Record<string, [objectField: string, key: string]>;
  /**
   * Temporaries that hold what a catch clause caught, with the name its
   * parameter has in the source (regenerator keeps a plain parameter in a
   * temporary of its own): refusals and describe() name them by it.
   */
  caughtTemps: Record<string, string>;
  /** Temporaries alive at each resume location (written before it, read after it). */
  liveTempsAt: Map<number, string[]>;
  /** Temporaries written before each resume location and never read after it (closures' temporaries excluded). */
  deadTempsAt: Map<number, string[]>;
}

/**
 * regenerator writes a method call whose arguments yield, `o.m(yield x)`, as
 * `tmp.m.call(tmp, $F._sent)` (tmp holding `o`): that reads the function's
 * `call` property, which a function of its own may replace, and a missing
 * method fails with "Cannot read properties of undefined (reading 'call')".
 * `tmp.m($F._sent)` calls it with the same `this` and reads `o` one time
 * fewer. Only regenerator's own `.call` (it has no source location) is
 * rewritten: a `.call` the source wrote stays.
 */
function callMethodDirectly(call: t.CallExpression, t: typeof import("@babel/core").types): void {
  const callee = call.callee;
  if (callee.type !== "MemberExpression" || callee.loc || callee.computed) return;
  if (callee.property.type !== "Identifier" || callee.property.name !== "call") return;
  const method = callee.object;
  const receiver = call.arguments[0];
  if (method.type !== "MemberExpression" || receiver === undefined || receiver.type === "SpreadElement") return;
  if (!t.isNodesEquivalent(method.object, receiver)) return;
  call.callee = method;
  call.arguments = call.arguments.slice(1);
}

export function explodeBody(
  body: NodePath<t.BlockStatement>,
  frameName: string,
  types: typeof import("@babel/core").types,
  isConstantName: (name: string) => boolean,
  /** The local name of the runtime's `callMethodRead`, when the module imports it. */
  methodReadName?: string,
): ExplodedBody {
  const t = types;
  shieldMethodReturns(body.node, t);
  const run = wrapWithTypes(t, () => {
    const emitter = new Emitter(t.identifier(frameName));
    emitter.explode(body);
    const fn = emitter.getContextFunction(t.identifier("body"));
    // The name of each try statement's catch parameter, in the order of the try locations.
    const catchNames = (emitter as unknown as { tryEntries: Array<{ catchEntry?: { paramId?: t.Identifier } }> }).tryEntries.map(
      (entry) => entry.catchEntry?.paramId?.name,
    );
    return { fn: t.cloneNode(fn, true), tryLocs: emitter.getTryLocsList(), catchNames };
  });
  const { fn, tryLocs, catchNames } = run();

  const loop = fn.body.body[0] as t.WhileStatement;
  const dispatch = loop.body as t.SwitchStatement;
  const temps = new Set<string>();

  // Rename context members and temporaries everywhere in the cases, and the
  // result temporaries delegateYield names with a string literal: one walk
  // of the plain nodes (checks on `type`, the walk runs on every node).
  const isFrame = (node: t.Node) => node.type === "Identifier" && node.name === frameName;
  const isTempName = (name: string) => /^t\d+$/.test(name);
  const renameMember = (member: t.MemberExpression): void => {
    if (!isFrame(member.object)) return;
    const { property } = member;
    let name: string | undefined;
    if (!member.computed && property.type === "Identifier") name = property.name;
    else if (member.computed && property.type === "StringLiteral") name = property.value;
    if (name === undefined) return;
    let renamed = CONTEXT_MEMBERS[name];
    if (!renamed && isTempName(name)) {
      renamed = `_${name}`;
      temps.add(renamed);
    }
    if (!renamed) return;
    member.computed = false;
    member.property = t.identifier(renamed);
  };
  /** Added after the members' temporaries, in the order they were found: `temps` keeps that order. */
  const delegateResults: string[] = [];
  const renameDelegateResult = (call: t.CallExpression): void => {
    const { callee, arguments: args } = call;
    const result = args[1];
    if (callee.type !== "MemberExpression" || callee.property.type !== "Identifier" || callee.property.name !== "_delegateYield") return;
    if (result?.type !== "StringLiteral" || !isTempName(result.value)) return;
    args[1] = t.stringLiteral(`_${result.value}`);
    delegateResults.push(`_${result.value}`);
  };
  const rename = (node: t.Node): void => {
    if (node.type === "MemberExpression") renameMember(node);
    forEachChild(node, rename, t);
    // After the children: the callee is renamed by then.
    if (node.type === "CallExpression") {
      renameDelegateResult(node);
      callMethodDirectly(node, t);
    }
  };
  rename(dispatch);
  for (const result of delegateResults) temps.add(result);

  inlineConstantTemps(dispatch, frameName, temps, isConstantName, t);

  // The runtime jumps to the final location by number; drop the "end" alias.
  const cases = dispatch.cases;
  const endIndex = cases.findIndex((c) => t.isStringLiteral(c.test, { value: "end" }));
  const finalCase = cases[endIndex - 1]!;
  finalCase.consequent = cases[endIndex]!.consequent;
  cases.splice(endIndex, 1);
  const finalLoc = (finalCase.test as t.NumericLiteral).value;

  // Find the yields: a yield is `$F._next = L; return value;` (or
  // `return $F._delegateYield(iterable, "_tN", L)`), carrying the yield's loc.
  const yields: ExplodedYield[] = [];
  const awaits: number[] = [];
  const tempWrites = new Map<string, number>();
  /** Jumps found in the cases: `_next = loc` and `_abrupt("break" | "continue", loc)`, by case index and target location. */
  const jumps: Array<{ from: number; to: number }> = [];
  const tempReads = new Map<string, number>();
  const capturedTemps = new Set<string>();
  /** The frame field each temporary is written with, or null once it is written twice or with anything else. */
  const tempFields = new Map<string, string | null>();
  /** The frame field each local field is written with, or null once it is written with anything else. */
  const localWrites = new Map<string, string | null>();
  /** Each method temporary's object field and key, or null once two calls disagree. */
  const methodTemps = new Map<string, [string, string] | null>();
  cases.forEach((switchCase, caseIndex) => {
    // `_prev` is the case entered, unless the code entering a try block set it.
    let within = (switchCase.test as t.NumericLiteral).value;
    const statements = switchCase.consequent;
    statements.forEach((statement, i) => {
      if (
        t.isExpressionStatement(statement) &&
        t.isAssignmentExpression(statement.expression) &&
        t.isMemberExpression(statement.expression.left) &&
        t.isIdentifier(statement.expression.left.property, { name: "_prev" }) &&
        t.isNumericLiteral(statement.expression.right)
      ) {
        within = statement.expression.right.value;
      }
      if (t.isReturnStatement(statement) && statement.loc) {
        const argument = statement.argument;
        if (
          argument &&
          t.isCallExpression(argument) &&
          t.isMemberExpression(argument.callee) &&
          t.isIdentifier(argument.callee.property, { name: "_delegateYield" })
        ) {
          yields.push({
            resumeAt: (argument.arguments[2] as t.NumericLiteral).value,
            within,
            line: statement.loc.start.line,
            column: statement.loc.start.column,
            delegate: true,
            resultTemp: (argument.arguments[1] as t.StringLiteral).value,
            statements,
            suspend: statement,
          });
        } else {
          const previous = statements[i - 1];
          if (
            previous &&
            t.isExpressionStatement(previous) &&
            t.isAssignmentExpression(previous.expression) &&
            t.isMemberExpression(previous.expression.left) &&
            t.isIdentifier(previous.expression.left.property, { name: "_next" }) &&
            t.isNumericLiteral(previous.expression.right)
          ) {
            if (isAwaitLoc(statement.loc)) {
              awaits.push(previous.expression.right.value);
              return;
            }
            yields.push({
              resumeAt: previous.expression.right.value,
              within,
              line: statement.loc.start.line,
              column: statement.loc.start.column,
              delegate: false,
              resultTemp: undefined,
              statements,
              suspend: statement,
            });
          }
        }
      }
    });
    scanTemps(switchCase, caseIndex);
  });

  function isTemp(node: t.Node): node is t.MemberExpression & { property: t.Identifier } {
    return node.type === "MemberExpression" && isFrame(node.object) && node.property.type === "Identifier" && temps.has(node.property.name);
  }

  /**
   * Temporaries: first write and last read, by case order. Most belong to
   * one expression, whose code is emitted contiguously and only jumps
   * forward, so they are alive exactly between those two points. Not all:
   * the caught exception of a catch block is a temporary too, read anywhere
   * in the block, loops included, so a read inside a loop keeps a
   * temporary written before the loop alive to the loop's last case (see
   * `extendOverLoops`). A closure may read a temporary long after its
   * expression: those are never cleared. One walk of the case finds the
   * writes, the reads, the captures and the backward jumps.
   */
  function scanTemps(root: t.Node, caseIndex: number): void {
    const visit = (node: t.Node, isWriteTarget: boolean, inClosure: boolean): void => {
      if (methodReadName !== undefined && node.type === "CallExpression") noteMethodTemp(node);
      const target = jumpTarget(node);
      if (target !== undefined) jumps.push({ from: caseIndex, to: target });
      if (isTemp(node)) {
        const name = node.property.name;
        if (!isWriteTarget) tempReads.set(name, caseIndex);
        if (inClosure) capturedTemps.add(name);
        return;
      }
      const isPlainAssignment = node.type === "AssignmentExpression" && node.operator === "=";
      if (node.type === "AssignmentExpression" && isTemp(node.left)) {
        const name = node.left.property.name;
        if (!tempWrites.has(name)) tempWrites.set(name, caseIndex);
        const field = node.operator === "=" ? frameFieldRead(node.right) : undefined;
        tempFields.set(name, tempFields.has(name) || field === undefined ? null : field);
      } else if (node.type === "AssignmentExpression") {
        const local = frameFieldRead(node.left as t.Expression);
        if (local !== undefined) {
          const field = node.operator === "=" ? frameFieldRead(node.right) : undefined;
          const earlier = localWrites.get(local);
          localWrites.set(local, field === undefined || field === local || (earlier !== undefined && earlier !== field) ? null : field);
        }
      }
      const childInClosure = inClosure || t.isFunction(node);
      forEachChild(node, (child, key) => visit(child, isPlainAssignment && key === "left", childInClosure), t);
    };
    visit(root, false, false);
  }

  /** `callMethodRead($F._tA, $F._tB, "key", …)`: `_tA` holds the method `key` of what `_tB` (or a local's field) holds. */
  function noteMethodTemp(call: t.CallExpression): void {
    let callee: t.Node = call.callee;
    if (callee.type === "SequenceExpression" && callee.expressions.length === 2) callee = callee.expressions[1]!;
    if (callee.type !== "Identifier" || callee.name !== methodReadName) return;
    const [method, object, key] = call.arguments;
    if (method === undefined || !isTemp(method) || object === undefined || key?.type !== "StringLiteral") return;
    const objectField = isTemp(object) ? object.property.name : frameFieldRead(object as t.Expression);
    if (objectField === undefined) return;
    const name = method.property.name;
    const earlier = methodTemps.get(name);
    const agrees = earlier === undefined || (earlier !== null && earlier[0] === objectField && earlier[1] === key.value);
    methodTemps.set(name, agrees ? [objectField, key.value] : null);
  }

  /** `$F.local`, or `(0, $F.local)` (regenerator's unbound callee): the field of a local, `this` or `arguments`. */
  function frameFieldRead(node: t.Expression): string | undefined {
    if (node.type === "SequenceExpression" && node.expressions.length === 2 && t.isNumericLiteral(node.expressions[0], { value: 0 })) {
      return frameFieldRead(node.expressions[1]!);
    }
    if (node.type !== "MemberExpression" || node.computed || !isFrame(node.object) || node.property.type !== "Identifier") return undefined;
    const field = node.property.name;
    // `_sent` is the value of the yield the body resumed from: `(yield x)()` holds it in a temporary.
    return field.startsWith("$") || field === "_self" || field === "_args" || field === "_sent" ? field : undefined;
  }

  const caseIndexOf = new Map<number, number>();
  cases.forEach((c, i) => caseIndexOf.set((c.test as t.NumericLiteral).value, i));
  const loops = jumps
    .map(({ from, to }) => ({ from, to: caseIndexOf.get(to) }))
    .filter((jump): jump is { from: number; to: number } => jump.to !== undefined && jump.to <= jump.from);
  for (const [temp, read] of tempReads) tempReads.set(temp, extendOverLoops(tempWrites.get(temp), read, loops));
  const liveTempsAt = new Map<number, string[]>();
  const deadTempsAt = new Map<number, string[]>();
  for (const y of yields) {
    const at = caseIndexOf.get(y.resumeAt) ?? Infinity;
    const live: string[] = [];
    const dead: string[] = [];
    for (const temp of temps) {
      const written = tempWrites.get(temp);
      const read = tempReads.get(temp);
      if (written !== undefined && read !== undefined && written < at && at <= read) live.push(temp);
      else if (written !== undefined && written < at && !capturedTemps.has(temp)) dead.push(temp);
    }
    liveTempsAt.set(y.resumeAt, live);
    deadTempsAt.set(y.resumeAt, dead);
  }

  const tryLocList: ExplodedBody["tryLocs"] = (tryLocs?.elements ?? []).map((entry) => {
    const locs = (entry as t.ArrayExpression).elements.map((e) => (e ? (e as t.NumericLiteral).value : null));
    return [locs[0]!, locs[1] ?? null, locs[2] ?? null, locs[3] ?? null];
  });

  const locations = cases.map((c) => (c.test as t.NumericLiteral).value);
  const caughtTemps = caughtTemporaries(cases, tryLocList, catchNames, t);
  jumpPastFinishedFinallyBlocks(dispatch, frameName, tryLocList, t);
  return {
    dispatchLoop: loop,
    tryLocs: tryLocList,
    finalLoc,
    locations,
    yields,
    awaits,
    temps: [...temps].sort(byTempNumber),
    tempSources: Object.fromEntries([...tempFields].filter((entry): entry is [string, string] => entry[1] !== null)),
    fieldCopies: new Map([...localWrites].filter((entry): entry is [string, string] => entry[1] !== null)),
    methodTemps: Object.fromEntries([...methodTemps].filter((entry): entry is [string, [string, string]] => entry[1] !== null)),
    caughtTemps,
    liveTempsAt,
    deadTempsAt,
  };
}

/**
 * Regenerator starts each catch block with `$F._tN = $F._catch(tryLoc)`:
 * the temporary takes what the try statement at `tryLoc` caught, which the
 * source calls by its catch parameter's name. A parameter the lowering
 * renamed (`_caught`, a pattern's value) is not a source name: left out.
 */
function caughtTemporaries(
  cases: readonly t.SwitchCase[],
  tryLocs: ExplodedBody["tryLocs"],
  catchNames: ReadonlyArray<string | undefined>,
  types: typeof import("@babel/core").types,
): Record<string, string> {
  const t = types;
  const caught: Record<string, string> = {};
  for (const switchCase of cases) {
    for (const statement of switchCase.consequent) {
      if (!t.isExpressionStatement(statement) || !t.isAssignmentExpression(statement.expression)) continue;
      const { left, right } = statement.expression;
      if (!t.isMemberExpression(left) || !t.isIdentifier(left.property) || !/^_t\d+$/.test(left.property.name)) continue;
      if (!t.isCallExpression(right) || !t.isMemberExpression(right.callee) || !t.isIdentifier(right.callee.property, { name: "_catch" }))
        continue;
      const [tryLoc] = right.arguments;
      if (!t.isNumericLiteral(tryLoc)) continue;
      const name = catchNames[tryLocs.findIndex((locs) => locs[0] === tryLoc.value)];
      if (name !== undefined && !name.startsWith("_")) caught[left.property.name] = name;
    }
  }
  return caught;
}

function byTempNumber(a: string, b: string): number {
  return Number(a.slice(2)) - Number(b.slice(2));
}

/**
 * Clears fields that are dead once the frame suspends at `y`, so a
 * suspended generator does not keep garbage alive: `return v` becomes
 * `{ const value = v; $F.$x = undefined; return value; }`.
 */
export function clearAtSuspension(y: ExplodedYield, frameName: string, fields: string[], types: typeof import("@babel/core").types): void {
  if (fields.length === 0) return;
  const t = types;
  const index = y.statements.indexOf(y.suspend);
  const value = t.identifier(`${frameName}$yielded`);
  const clears = storeInEach(
    fields.map((field) => t.memberExpression(t.identifier(frameName), t.identifier(field))),
    undefinedValue(t),
    t,
  );
  const block = t.blockStatement([
    t.variableDeclaration("const", [t.variableDeclarator(value, y.suspend.argument ?? undefinedValue(t))]),
    ...clears,
    t.returnStatement(t.cloneNode(value)),
  ]);
  block.loc = y.suspend.loc;
  y.statements[index] = block;
}

/** The location a statement jumps to: `_frame._next = 12` or `_frame._abrupt("continue", 12)`. */
function jumpTarget(node: t.Node): number | undefined {
  if (
    node.type === "AssignmentExpression" &&
    node.left.type === "MemberExpression" &&
    node.left.property.type === "Identifier" &&
    node.left.property.name === "_next" &&
    node.right.type === "NumericLiteral"
  ) {
    return node.right.value;
  }
  if (
    node.type === "CallExpression" &&
    node.callee.type === "MemberExpression" &&
    node.callee.property.type === "Identifier" &&
    node.callee.property.name === "_abrupt" &&
    node.arguments[1]?.type === "NumericLiteral"
  ) {
    return node.arguments[1].value;
  }
  return undefined;
}

/**
 * The last case a temporary must survive to: its last read, or, when that
 * read sits in a loop entered after the temporary was written, the loop's
 * last case (the loop comes back to the read). Loops inside loops widen it
 * again, until nothing changes.
 */
function extendOverLoops(written: number | undefined, read: number, loops: ReadonlyArray<{ from: number; to: number }>): number {
  if (written === undefined) return read;
  let last = read;
  for (let changed = true; changed;) {
    changed = false;
    for (const { from, to } of loops) {
      if (written < to && to <= last && last < from) {
        last = from;
        changed = true;
      }
    }
  }
  return last;
}

/**
 * Regenerator keeps a callee in a temporary when its arguments yield
 * (`f(a, yield b)` reads `f` first). When `f` is a module-level binding that
 * is never reassigned (or a global), reading it after the yield gives the
 * same function, and a function in a temporary would make the snapshot
 * fail: so such temporaries are replaced by the name itself.
 */
function inlineConstantTemps(
  dispatch: t.SwitchStatement,
  frameName: string,
  temps: Set<string>,
  isConstantName: (name: string) => boolean,
  types: typeof import("@babel/core").types,
): void {
  const t = types;
  const isTempAccess = (node: t.Node, temp?: string): node is t.MemberExpression =>
    node.type === "MemberExpression" &&
    node.object.type === "Identifier" &&
    node.object.name === frameName &&
    node.property.type === "Identifier" &&
    temps.has(node.property.name) &&
    (temp === undefined || node.property.name === temp);
  const writes = new Map<string, number>();
  const candidates = new Map<string, { statements: t.Statement[]; statement: t.ExpressionStatement; name: string }>();
  for (const switchCase of dispatch.cases) {
    t.traverseFast(switchCase, (node) => {
      if (t.isAssignmentExpression(node) && isTempAccess(node.left)) {
        const temp = (node.left.property as t.Identifier).name;
        writes.set(temp, (writes.get(temp) ?? 0) + 1);
      }
    });
    for (const statement of switchCase.consequent) {
      if (!t.isExpressionStatement(statement)) continue;
      const expression = statement.expression;
      if (!t.isAssignmentExpression(expression, { operator: "=" }) || !isTempAccess(expression.left)) continue;
      if (!t.isIdentifier(expression.right) || !isConstantName(expression.right.name)) continue;
      candidates.set((expression.left.property as t.Identifier).name, {
        statements: switchCase.consequent,
        statement,
        name: expression.right.name,
      });
    }
  }
  for (const [temp, candidate] of candidates) {
    if (writes.get(temp) !== 1) continue;
    candidate.statements.splice(candidate.statements.indexOf(candidate.statement), 1);
    for (const switchCase of dispatch.cases) replaceTempReads(switchCase, temp, candidate.name);
    temps.delete(temp);
  }

  function replaceTempReads(root: t.Node, temp: string, name: string): void {
    for (const key of t.VISITOR_KEYS[root.type] ?? []) {
      const child = (root as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        child.forEach((item, i) => {
          if (item && isTempAccess(item as t.Node, temp)) child[i] = t.identifier(name);
          else if (item) replaceTempReads(item as t.Node, temp, name);
        });
      } else if (child && typeof child === "object") {
        if (isTempAccess(child as t.Node, temp)) (root as unknown as Record<string, unknown>)[key] = t.identifier(name);
        else replaceTempReads(child as t.Node, temp, name);
      }
    }
  }
}
