/**
 * Phase 1: rewrite the body of an annotated generator into the smaller
 * language that the state-machine pass (regenerator's emitter) accepts.
 *
 * - `for…of` becomes an explicit loop over `iterate(x)`, whose iterator is a
 *   local (hence a frame field) that the runtime knows how to save when it is
 *   an array, string, Map, Set, typed array or resumable generator cursor.
 *   Closing on early exit follows the spec: `return()` on break/return/throw,
 *   never after `next()` itself threw, and a throw keeps its own error.
 * - `for…in` becomes a loop over a saved list of keys (regenerator's own
 *   lowering keeps a closure, which no snapshot can hold).
 * - destructuring, template literals, spread and optional chaining are
 *   lowered with Babel's own plugins, but only where a `yield` sits inside
 *   them: elsewhere the code stays as written (and as fast).
 * - type-only wrappers around a yield (`(yield x) as T`, `(yield x)!`) and
 *   overload signatures are dropped: they do nothing at run time, and
 *   regenerator knows no types.
 * - a spread of a name before a yield in the same list is copied there, not
 *   after the yield (`[...items, yield x]`).
 *
 * Nothing outside the annotated function is touched, and nested functions
 * inside it are left alone: they are ordinary code.
 */
import type { NodePath, PluginPass, types as t, Visitor } from "@babel/core";
import destructuringPlugin from "@babel/plugin-transform-destructuring";
import logicalAssignmentPlugin from "@babel/plugin-transform-logical-assignment-operators";
import nullishCoalescingPlugin from "@babel/plugin-transform-nullish-coalescing-operator";
import objectRestSpreadPlugin from "@babel/plugin-transform-object-rest-spread";
import optionalChainingPlugin from "@babel/plugin-transform-optional-chaining";
import spreadPlugin from "@babel/plugin-transform-spread";
import templateLiteralsPlugin from "@babel/plugin-transform-template-literals";
import { isCapturedByClosure } from "./closures.js";
import { offsetsInRangeTest } from "./offsets-in-range.js";
import { loopHeadCall } from "./loop-head-call.js";
import { notIterableMessage } from "./printed-expression.js";
import type { RuntimeExport, RuntimeImports } from "./runtime-imports.js";
import { checkDestructuredValues, hasObjectPattern, patternValueChecked } from "./destructure-checks.js";
import { collapseLabelChains, hasLabelChain } from "./label-chains.js";
import { hasInferredNameToKeep, isAnonymousFunctionDefinition, keepInferredNames } from "./inferred-names.js";
import { hasTaggedTemplateWithYield, hoistTemplateSites } from "./template-sites.js";
import { passSpreadOperands, type SpreadOperand, spreadOperandsAroundYields } from "./spread-messages.js";
import { markArrayPatternValues, passArrayPatternOperands } from "./array-pattern-messages.js";
import { callChainMethodsThroughRuntime, type ChainMethodCall, optionalChainMethodCalls } from "./optional-method-calls.js";
import { callsWithYieldingArguments, heldMethodArguments } from "./method-calls.js";
import { isModuleConstant } from "./module-constants.js";
import { callSpreadCallsThroughRuntime, type SpreadCall, spreadCallsAroundYields } from "./spread-calls.js";
import { undefinedValue } from "./undefined-value.js";
import { TYPE_ONLY_WRAPPERS, withoutTypeOnlyWrappers } from "./type-only-wrappers.js";
import { YieldScan } from "./yield-scan.js";

type Types = typeof t;
type PluginFactory = (api: object, options: object, dirname: string) => { visitor: Visitor<PluginPass> };

export interface LowerContext {
  types: Types;
  passes: LoweringPass[];
  /** Receives the names of the locals that hold a loop's iterator (so restore can check them). */
  iteratorNames: Set<string>;
  /** Of those, the ones a `for await` holds (async-lower.ts): restore accepts only async iterators there. */
  asyncIteratorNames: Set<string>;
  /** For each yield ("line:column") inside a loop body: the iterators of the loops around it. */
  iteratorsAroundYield: Map<string, string[]>;
  pass: PluginPass;
  runtime: RuntimeImports;
  /** Receives declarations for the top of the module, next to the frame classes (template-sites.ts). */
  moduleStatements: t.Statement[];
}

/**
 * `typeof x` tests for "x is not an object" (an iterator result must be
 * one): no name is looked up, where `Object(x) !== x` would call whatever
 * the module binds to `Object` (a schema builder, say).
 */
export function isNotObject(id: t.Identifier, types: Types): t.Expression {
  const t = types;
  const typeIsNot = (type: string) => t.binaryExpression("!==", t.unaryExpression("typeof", t.cloneNode(id)), t.stringLiteral(type));
  return t.logicalExpression(
    "&&",
    t.logicalExpression("||", typeIsNot("object"), t.binaryExpression("===", t.cloneNode(id), t.nullLiteral())),
    typeIsNot("function"),
  );
}

/**
 * Every yield in a loop body can rely on that loop's iterator being set
 * (restore checks it). `isAwait` leaves out the yields that stand for an
 * await (async-lower.ts): they are not resume points.
 */
export function noteYieldsInLoop(
  loopBody: NodePath,
  iteratorName: string,
  context: LowerContext,
  isAwait: (node: t.Node) => boolean = () => false,
): void {
  const visit = (yieldPath: NodePath) => {
    const loc = yieldPath.node.loc?.start;
    if (!loc || isAwait(yieldPath.node)) return;
    const key = `${loc.line}:${loc.column}`;
    context.iteratorsAroundYield.set(key, [...(context.iteratorsAroundYield.get(key) ?? []), iteratorName]);
  };
  if (loopBody.isYieldExpression()) visit(loopBody);
  loopBody.traverse({
    Function(inner) {
      skipNestedFunction(inner, (key) => {
        if (key.isYieldExpression()) visit(key);
      });
    },
    YieldExpression: (inner) => visit(inner),
  });
}

/**
 * `for (const x of x)`: the head's expression sees the loop's own binding,
 * in its dead zone (it is never initialized there), so reading it throws a
 * ReferenceError, also later, from a closure made in the head. Once the
 * loop is lowered, the expression runs outside the loop's scope and would
 * read an outer `x`; so each such read becomes a read of a binding that is
 * never initialized. (An assignment to it in the head is left as it is.)
 */
export function keepHeadDeadZone(path: NodePath<t.ForOfStatement | t.ForInStatement>, types: Types, runtime: RuntimeImports): void {
  const left = path.node.left;
  if (!types.isVariableDeclaration(left) || left.kind === "var") return;
  const names = new Set(Object.keys(types.getBindingIdentifiers(left)));
  // Almost always no identifier of the expression has such a name: looked for without a traversal.
  let named = false;
  types.traverseFast(path.node.right, (node) => {
    if (node.type === "Identifier" && names.has(node.name)) named = true;
  });
  if (!named) return;
  const right = path.get("right");
  const reads: Array<NodePath<t.Identifier>> = [];
  // By name: Babel's scopes resolve the head's expression outside the loop.
  right.traverse({
    ReferencedIdentifier(reference) {
      const name = (reference.node as t.Identifier).name;
      if (!names.has(name)) return;
      // A binding made inside the expression (an arrow's parameter) is its own.
      const binding = reference.scope.getBinding(name);
      if (binding && binding.path.find((p) => p === right)) return;
      reads.push(reference as NodePath<t.Identifier>);
    },
  });
  if (right.isIdentifier() && names.has(right.node.name)) reads.push(right);
  for (const read of reads) {
    read.replaceWith(
      types.callExpression(runtime.get("checkInitialized"), [runtime.get("UNINITIALIZED"), types.stringLiteral(read.node.name)]),
    );
  }
}

/**
 * Skips a nested function's parameters and body, which belong to that
 * function; a method's computed key is evaluated by the enclosing code.
 */
export function skipNestedFunction(path: NodePath<t.Function>, visitKey: (key: NodePath) => void): void {
  const node = path.node as t.Function & { computed?: boolean };
  if ((path.isClassMethod() || path.isObjectMethod() || path.isClassPrivateMethod()) && node.computed)
    visitKey(path.get("key") as NodePath);
  path.skip();
}

export function containsYield(path: NodePath): boolean {
  if (path.isYieldExpression()) return true;
  let found = false;
  const visitor = {
    YieldExpression: (inner: NodePath) => {
      found = true;
      inner.stop();
    },
    Function(inner: NodePath<t.Function>) {
      skipNestedFunction(inner, (key) => {
        if (key.isYieldExpression()) found = true;
        else key.traverse(visitor);
      });
    },
  };
  path.traverse(visitor);
  return found;
}

/** Babel's plugins assert Babel 7; under Babel 8 we hand them an API that does not. */
function apiForBabelPlugins(api: object): object {
  return Object.assign(Object.create(api), { assertVersion() {} });
}

/**
 * Keeps only the handlers of `visitor` for the given node types and runs each
 * only on nodes that contain a yield.
 */
function onlyAroundYields(
  visitor: Visitor<PluginPass>,
  types: readonly string[],
  reach: LoweringPass["reach"],
  mayHaveYield: (path: NodePath) => boolean,
): Visitor<PluginPass> {
  // The node itself, or the statement that holds it, must contain a yield.
  const applies = (path: NodePath): boolean => {
    const anchor = reach === "statement" ? (path.getStatementParent() ?? path) : path;
    return mayHaveYield(anchor) && containsYield(anchor);
  };
  const filtered: Record<string, unknown> = {};
  for (const [key, handler] of Object.entries(visitor as Record<string, unknown>)) {
    // Visitor keys may list several types: "OptionalCallExpression|OptionalMemberExpression".
    const wanted = key.split("|").filter((type) => types.includes(type));
    if (wanted.length === 0 || !handler) continue;
    const enter = typeof handler === "function" ? handler : (handler as { enter?: Function }).enter;
    const exit = typeof handler === "function" ? undefined : (handler as { exit?: Function }).exit;
    const wrapped = {
      enter(this: PluginPass, path: NodePath) {
        if (enter && applies(path)) enter.call(this, path, this);
      },
      exit(this: PluginPass, path: NodePath) {
        if (exit && path.node && applies(path)) exit.call(this, path, this);
      },
    };
    for (const type of wanted) filtered[type] = wrapped;
  }
  return filtered as Visitor<PluginPass>;
}

/** One of Babel's own transforms, run only around yields (see onlyAroundYields). */
export interface LoweringPass {
  visitor: Visitor<PluginPass>;
  /** The node types whose handlers we keep. */
  types: readonly string[];
  /**
   * Recognizes what the transform rewrites: a handler kept for `types`
   * returns without changing anything (and without other effects, such as
   * a helper or a new name) unless its node or a node inside it passes this
   * test. That lets a body with no such node around a yield skip the pass.
   */
  rewrites(node: t.Node): boolean;
  /**
   * "node" (the default): the pass runs on nodes that contain a yield.
   * "statement": on every node in a statement that contains one, because
   * regenerator would evaluate the node after a yield that follows it.
   */
  reach?: "node" | "statement";
  /** Babel helpers the transform's output calls that the runtime replaces (Babel's `helperGenerator` hook). */
  runtimeHelpers?: Readonly<Record<string, RuntimeExport>>;
  /**
   * After the transform, given the names its calls of those runtime helpers
   * use (none when it made no such call): adds to the calls what V8 would
   * print for their operands, or makes calls the transform wrote go through
   * the runtime.
   */
  afterTransform?: (body: t.BlockStatement, helperNames: ReadonlySet<string>, operands: PrintedOperands, context: LowerContext) => void;
  /**
   * The transform leaves Babel's scope out of date, which the steps after it
   * (locals.ts above all) read: the generator's scope is crawled again after it.
   */
  leavesScopeStale?: true;
}

const LOGICAL_ASSIGNMENT_OPERATORS = new Set(["||=", "&&=", "??="]);

/**
 * Instantiates the plugins once, when our plugin is created: Babel's plugin
 * API (options, assumptions) may only be consulted at that time.
 */
export function createLoweringPasses(pluginApi: object, types: Types): LoweringPass[] {
  const api = apiForBabelPlugins(pluginApi);
  const load = (plugin: unknown, options: object = {}) =>
    ((plugin as { default?: PluginFactory }).default ?? (plugin as PluginFactory))(api, options, process.cwd()).visitor;
  return [
    {
      visitor: load(logicalAssignmentPlugin),
      types: ["AssignmentExpression"],
      rewrites: (node) => node.type === "AssignmentExpression" && LOGICAL_ASSIGNMENT_OPERATORS.has(node.operator),
    },
    {
      visitor: load(nullishCoalescingPlugin),
      types: ["LogicalExpression"],
      rewrites: (node) => node.type === "LogicalExpression" && node.operator === "??",
    },
    {
      visitor: load(optionalChainingPlugin),
      types: ["OptionalCallExpression", "OptionalMemberExpression"],
      rewrites: (node) => node.type === "OptionalCallExpression" || node.type === "OptionalMemberExpression",
      // It calls a method through the method's `call` property, or through its own temporaries.
      afterTransform: (_body, _names, operands, { runtime, types: t }) => {
        if (operands.chainMethodCalls.size > 0) callChainMethodsThroughRuntime(operands.chainMethodCalls, runtime, t);
      },
    },
    {
      visitor: load(templateLiteralsPlugin),
      types: ["TaggedTemplateExpression", "TemplateLiteral"],
      rewrites: (node) => node.type === "TaggedTemplateExpression" || node.type === "TemplateLiteral",
      // Regenerator takes a template literal for a literal, safe to evaluate
      // late: in `[\`${x = 1}\`, yield x]` it would assign x after the yield.
      // As "".concat(…) calls, they are evaluated in their turn.
      reach: "statement",
    },
    {
      visitor: load(objectRestSpreadPlugin),
      types: ["ObjectExpression", "VariableDeclarator", "AssignmentExpression", "CatchClause", "ExportNamedDeclaration"],
      // `{ ...x }` in a literal, `{ a, ...rest }` in a pattern.
      rewrites: (node) => node.type === "SpreadElement" || node.type === "RestElement",
      // An assignment's pattern (`({ a, ...rest } = v)`) becomes `var` temporaries it does not register,
      // and removing its rest element unregisters the binding that element assigns (`rest`).
      leavesScopeStale: true,
    },
    {
      visitor: load(spreadPlugin),
      types: ["ArrayExpression", "CallExpression", "NewExpression"],
      rewrites: (node) => node.type === "SpreadElement",
      // Its copy of a spread goes through the iterator, as a native spread does.
      runtimeHelpers: { toConsumableArray: "spreadToArray" },
      afterTransform: (body, names, operands, { runtime, types: t }) => {
        if (operands.spreads.size > 0 && names.size > 0) passSpreadOperands(body, operands.spreads, names, t);
        // It calls a function through the function's `apply` property.
        if (operands.spreadCalls.size > 0) callSpreadCallsThroughRuntime(operands.spreadCalls, runtime, t);
      },
    },
    {
      visitor: load(destructuringPlugin),
      types: ["VariableDeclaration", "AssignmentExpression", "ExpressionStatement", "CatchClause"],
      rewrites: (node) => types.isPattern(node),
      // Its copy of an array pattern's elements goes through the value's own iterator, which it then closes.
      runtimeHelpers: { slicedToArray: "destructureArray", toArray: "destructureArray" },
      afterTransform: (body, names, operands, { types: t }) => {
        if (operands.arrayPatterns && names.size > 0) passArrayPatternOperands(body, names, t);
      },
    },
  ];
}

/**
 * Babel 8 removed `scope.buildUndefinedNode()`, which Babel 7's transform
 * plugins call. We run those plugins under both versions (one set of
 * dependencies for both peers), so under Babel 8 the scope gets it back,
 * built the way Babel 7 built it.
 */
function ensureBabel7ScopeApi(scope: object, t: Types): void {
  const prototype = Object.getPrototypeOf(scope) as Record<string, unknown>;
  if (typeof prototype["buildUndefinedNode"] === "function") return;
  Object.defineProperty(prototype, "buildUndefinedNode", {
    value: () => t.unaryExpression("void", t.numericLiteral(0), true),
    configurable: true,
    writable: true,
  });
}

/**
 * A cheap first test before `containsYield`'s traversal: a node from the
 * source holds a yield only if a yield starts inside its range. (Nodes the
 * lowering made have no range and get the full test.)
 */
function yieldRangeTest(body: NodePath<t.BlockStatement>): (path: NodePath) => boolean {
  const starts: number[] = [];
  body.traverse({
    YieldExpression(path) {
      if (path.node.start != null) starts.push(path.node.start);
    },
  });
  const holdsYield = offsetsInRangeTest(starts);
  return (path) => holdsYield(path.node);
}

/** Whether some node of the pass's types, around a yield (or in a statement with one), holds something the pass rewrites. */
function babelPluginHasWork(scan: YieldScan, pass: LoweringPass, types: Types): boolean {
  if (pass.reach === "statement") {
    return scan.nodes.some((node) => types.isStatement(node) && scan.containsYield(node) && scan.someWithin(node, pass.rewrites));
  }
  return scan.nodes.some((node) => pass.types.includes(node.type) && scan.containsYield(node) && scan.someWithin(node, pass.rewrites));
}

function runBabelPlugin(
  body: NodePath<t.BlockStatement>,
  pass: LoweringPass,
  context: LowerContext,
  mayHaveYield: (path: NodePath) => boolean,
  operands: PrintedOperands,
): void {
  const skipNestedFunctions: Visitor<PluginPass> = {
    Function(path) {
      path.skip();
    },
  };
  const merged = mergeVisitors(skipNestedFunctions, onlyAroundYields(pass.visitor, pass.types, pass.reach, mayHaveYield));
  let names = NO_NAMES;
  if (pass.runtimeHelpers === undefined) body.traverse(merged, context.pass);
  else names = traverseWithRuntimeHelpers(body, merged, pass.runtimeHelpers, context);
  if (pass.leavesScopeStale) body.scope.crawl();
  pass.afterTransform?.(body.node, names, operands, context);
}

/** The traversal, with `helpers` made by the runtime instead of Babel: the names those stand-ins got, to find their calls. */
function traverseWithRuntimeHelpers(
  body: NodePath<t.BlockStatement>,
  visitor: Visitor<PluginPass>,
  helpers: Readonly<Record<string, RuntimeExport>>,
  context: LowerContext,
): ReadonlySet<string> {
  // For this traversal only, and in front of any other generator (@babel/plugin-transform-runtime sets one).
  // The hook is a File method that @babel/core's types leave out.
  const file = context.pass.file as unknown as { get(key: string): unknown; set(key: string, value: unknown): void };
  const previous = file.get("helperGenerator") as ((name: string) => t.Node | undefined) | undefined;
  const madeNames = new Set<string>();
  file.set("helperGenerator", (name: string) => {
    if (!Object.hasOwn(helpers, name)) return previous?.(name);
    const reference = context.runtime.get(helpers[name]!);
    madeNames.add(reference.name);
    return reference;
  });
  try {
    body.traverse(visitor, context.pass);
  } finally {
    file.set("helperGenerator", previous);
  }
  return madeNames;
}

const NO_NAMES: ReadonlySet<string> = new Set();

/**
 * What the lowering records before its steps rewrite the body: what V8 would
 * print for the operands and callees the steps hand to the runtime, and the
 * calls whose rewritten forms go through the runtime.
 */
export interface PrintedOperands {
  spreads: ReadonlyMap<t.SpreadElement, SpreadOperand>;
  /** Whether values that array patterns read are marked for their messages. */
  arrayPatterns: boolean;
  /** The method calls of optional chains, with their callees as V8 prints them (optional-method-calls.ts). */
  chainMethodCalls: ReadonlyMap<t.OptionalCallExpression, ChainMethodCall>;
  /** The source's calls whose arguments yield, with their callees as V8 prints them (method-calls.ts). */
  callsWithYieldingArguments: ReadonlyMap<t.CallExpression, string | undefined>;
  /** The calls with a spread that the spread transform rewrites (spread-calls.ts). */
  spreadCalls: ReadonlyMap<t.CallExpression, SpreadCall>;
}

function mergeVisitors(first: Visitor<PluginPass>, second: Visitor<PluginPass>): Visitor<PluginPass> {
  return { ...second, ...first } as Visitor<PluginPass>;
}

const LEAPS = new Set(["YieldExpression", "BreakStatement", "ContinueStatement", "ReturnStatement", "ThrowStatement"]);

/**
 * A `for…of` or `for…in` stays native (and fast: no cursor, no state-machine
 * steps per item) when nothing in it can leave the statement early or
 * suspend: regenerator then keeps it whole, and the generator can never be
 * snapshotted in the middle of it. Anything that yields, jumps (break,
 * continue, return, throw: regenerator explodes those) or gives a closure a
 * per-iteration binding of its head is lowered.
 */
function needsLowering(path: NodePath<t.ForOfStatement | t.ForInStatement>): boolean {
  let leaps = false;
  path.traverse({
    Function(inner) {
      skipNestedFunction(inner, (key) => {
        if (containsYield(key)) leaps = true;
      });
    },
    enter(inner) {
      if (LEAPS.has(inner.node.type)) {
        leaps = true;
        inner.stop();
      }
    },
  });
  if (leaps) return true;
  const left = path.get("left");
  if (!left.isVariableDeclaration() || left.node.kind === "var") return false;
  // A closure (or a class's field initializer) that captures the loop variable needs it fresh per iteration.
  const generator = path.getFunctionParent()!;
  return Object.values(path.scope.bindings).some((binding) => isCapturedByClosure(binding, generator));
}

function hasForInOrOf(scan: YieldScan): boolean {
  return scan.nodes.some((node) => node.type === "ForOfStatement" || node.type === "ForInStatement");
}

/**
 * `map.keys()`, `set.values()`, `array.entries()` as what a loop or a
 * `yield*` iterates: the runtime's `iterateMethod(map, "keys")`, which walks
 * a built-in collection through a cursor a snapshot can save, where the
 * method's own iterator is opaque (and calls the method when it is not the
 * built-in one). Undefined for any other expression.
 */
function collectionMethodCursor(expression: t.Expression | null | undefined, context: LowerContext): t.CallExpression | undefined {
  if (!isCollectionMethodCall(expression)) return undefined;
  const { object, property } = expression.callee;
  const t = context.types;
  return t.callExpression(context.runtime.get("iterateMethod"), [object, t.stringLiteral(property.name)]);
}

/** `x.keys()`, `x.values()` or `x.entries()`, with no arguments, on anything but `super`. */
function isCollectionMethodCall(
  expression: t.Node | null | undefined,
): expression is t.CallExpression & { callee: t.MemberExpression & { property: t.Identifier; object: t.Expression } } {
  if (expression?.type !== "CallExpression" || expression.arguments.length !== 0) return false;
  const callee = expression.callee;
  return (
    callee.type === "MemberExpression" &&
    !callee.computed &&
    callee.property.type === "Identifier" &&
    ["keys", "values", "entries"].includes(callee.property.name) &&
    callee.object.type !== "Super"
  );
}

function hasDelegationToCollectionMethod(scan: YieldScan): boolean {
  return scan.nodes.some((node) => node.type === "YieldExpression" && node.delegate && isCollectionMethodCall(node.argument));
}

/** `yield* set.values()` delegates to a cursor, as `for (x of set.values())` iterates one. */
function delegateToCollectionCursors(body: NodePath<t.BlockStatement>, context: LowerContext): void {
  body.traverse({
    Function(path) {
      skipNestedFunction(path, (key) => key.traverse({ YieldExpression: useCursor }));
    },
    YieldExpression: useCursor,
  });
  function useCursor(path: NodePath<t.YieldExpression>): void {
    if (!path.node.delegate) return;
    const cursor = collectionMethodCursor(path.node.argument, context);
    if (cursor) path.node.argument = cursor;
  }
}

/** `for (LEFT of RIGHT) BODY` and `for (LEFT in RIGHT) BODY` → explicit loops. */
function lowerForStatements(body: NodePath<t.BlockStatement>, context: LowerContext): void {
  const { types: t, runtime } = context;

  const assignLeft = (left: t.VariableDeclaration | t.LVal, value: t.Expression): t.Statement => {
    if (t.isVariableDeclaration(left)) {
      const declarator = left.declarations[0]!;
      return t.variableDeclaration(left.kind, [
        t.variableDeclarator(declarator.id, patternValueChecked(value, ".for", declarator.id, t, runtime)),
      ]);
    }
    return t.expressionStatement(t.assignmentExpression("=", left as t.LVal, value));
  };

  const iterableSource = (right: t.Expression): t.Expression => {
    const cursor = collectionMethodCursor(right, context);
    if (cursor) return cursor;
    const notIterable = notIterableMessage(right);
    const source = loopHeadCall(right, notIterable, t, runtime);
    return t.callExpression(runtime.get("iterate"), notIterable === undefined ? [source] : [source, t.stringLiteral(notIterable)]);
  };

  const noteYieldsIn = (loopBody: NodePath, iteratorName: string) => noteYieldsInLoop(loopBody, iteratorName, context);

  body.traverse({
    Function(path) {
      path.skip();
    },
    ForOfStatement: {
      exit(path) {
        if (path.node.await || !needsLowering(path)) return;
        keepHeadDeadZone(path, t, runtime);
        const { left, right, body: loopBody } = path.node;
        const scope = path.scope;
        const iterator = scope.generateUidIdentifier("iterator");
        context.iteratorNames.add(iterator.name);
        noteYieldsIn(path.get("body"), iterator.name);
        const step = scope.generateUidIdentifier("step");
        const open = scope.generateUidIdentifier("iteratorOpen");
        const error = scope.generateUidIdentifier("error");
        const label = path.parentPath.isLabeledStatement() ? path.parentPath.node.label : null;

        let loop: t.Statement = t.forStatement(
          null,
          null,
          null,
          t.blockStatement([
            t.expressionStatement(t.assignmentExpression("=", t.cloneNode(open), t.booleanLiteral(false))),
            // `iterator.next()` at this loop's own call site (monomorphic where
            // the loop always walks one kind of collection); the result must be an object.
            t.variableDeclaration("const", [
              t.variableDeclarator(step, t.callExpression(t.memberExpression(t.cloneNode(iterator), t.identifier("next")), [])),
            ]),
            t.ifStatement(
              isNotObject(step, t),
              t.expressionStatement(t.callExpression(runtime.get("iteratorResultNotObject"), [t.cloneNode(step)])),
            ),
            t.ifStatement(t.memberExpression(t.cloneNode(step), t.identifier("done")), t.breakStatement()),
            t.expressionStatement(t.assignmentExpression("=", t.cloneNode(open), t.booleanLiteral(true))),
            assignLeft(left, t.memberExpression(t.cloneNode(step), t.identifier("value"))),
            loopBody,
          ]),
        );
        if (label) loop = t.labeledStatement(label, loop);

        const closeIf = (fn: "closeIterator" | "closeIteratorAfterThrow") =>
          t.ifStatement(
            t.cloneNode(open),
            t.blockStatement([
              t.expressionStatement(t.assignmentExpression("=", t.cloneNode(open), t.booleanLiteral(false))),
              t.expressionStatement(t.callExpression(runtime.get(fn), [t.cloneNode(iterator)])),
            ]),
          );

        const replacement = t.blockStatement([
          t.variableDeclaration("const", [t.variableDeclarator(iterator, iterableSource(right))]),
          t.variableDeclaration("let", [t.variableDeclarator(open, t.booleanLiteral(false))]),
          t.tryStatement(
            t.blockStatement([loop]),
            t.catchClause(error, t.blockStatement([closeIf("closeIteratorAfterThrow"), t.throwStatement(t.cloneNode(error))])),
            t.blockStatement([closeIf("closeIterator")]),
          ),
        ]);
        (label ? path.parentPath! : path).replaceWith(replacement);
      },
    },
    ForInStatement: {
      exit(path) {
        if (!needsLowering(path)) return;
        keepHeadDeadZone(path, t, runtime);
        const { left, right, body: loopBody } = path.node;
        const scope = path.scope;
        const keys = scope.generateUidIdentifier("keys");
        context.iteratorNames.add(keys.name);
        noteYieldsIn(path.get("body"), keys.name);
        const step = scope.generateUidIdentifier("key");
        const label = path.parentPath.isLabeledStatement() ? path.parentPath.node.label : null;
        let loop: t.Statement = t.forStatement(
          null,
          null,
          null,
          t.blockStatement([
            t.variableDeclaration("const", [
              t.variableDeclarator(step, t.callExpression(t.memberExpression(t.cloneNode(keys), t.identifier("next")), [])),
            ]),
            t.ifStatement(t.memberExpression(t.cloneNode(step), t.identifier("done")), t.breakStatement()),
            assignLeft(left, t.memberExpression(t.cloneNode(step), t.identifier("value"))),
            loopBody,
          ]),
        );
        if (label) loop = t.labeledStatement(label, loop);
        const replacement = t.blockStatement([
          t.variableDeclaration("const", [t.variableDeclarator(keys, t.callExpression(runtime.get("forInKeys"), [right]))]),
          loop,
        ]);
        (label ? path.parentPath! : path).replaceWith(replacement);
      },
    },
  });
}

/**
 * Object literals whose computed keys or spreads contain a yield: regenerator
 * cannot explode those, so build the object at run time from a flat list of
 * (kind, key, value) triples, evaluated in source order.
 */
function hasObjectLiteralWithYieldInKeys(scan: YieldScan): boolean {
  return scan.nodes.some(
    (node) =>
      node.type === "ObjectExpression" &&
      (node.properties.some(
        (p) =>
          ((p.type === "ObjectProperty" || p.type === "ObjectMethod") && p.computed && scan.containsYield(p.key)) ||
          (p.type === "SpreadElement" && scan.containsYield(p)),
      ) ||
        computedKeyBeforeYield(node.properties, (index) => scan.containsYield((node.properties[index] as t.ObjectProperty).value))),
  );
}

/**
 * Whether a computed key that is not a literal comes at or before a property
 * whose value yields: `{ [k]: yield v }` reads `k` first natively, but
 * regenerator would read a name or a member there after resuming, as a
 * side-effect-free operand, so a `k` changed meanwhile (or a getter) would
 * differ. As a list of parts the literal keeps its order.
 */
function computedKeyBeforeYield(properties: readonly t.Node[], valueYields: (index: number) => boolean): boolean {
  let computedKey = false;
  for (const [index, property] of properties.entries()) {
    if (property.type !== "ObjectProperty" && property.type !== "ObjectMethod") continue;
    if (property.computed && !isLiteralKey(property.key)) computedKey = true;
    if (computedKey && property.type === "ObjectProperty" && valueYields(index)) return true;
  }
  return false;
}

function isLiteralKey(key: t.Node): boolean {
  return key.type === "StringLiteral" || key.type === "NumericLiteral" || key.type === "BigIntLiteral";
}

/** Whether a method's own body (not a nested non-arrow function's) uses `super`. */
function usesSuper(method: NodePath<t.ObjectMethod>): boolean {
  let found = false;
  method.traverse({
    Function(path) {
      if (!path.isArrowFunctionExpression()) path.skip();
    },
    Super(path) {
      found = true;
      path.stop();
    },
  });
  return found;
}

function lowerObjectLiteralsWithYieldInKeys(body: NodePath<t.BlockStatement>, context: LowerContext): void {
  const { types: t, runtime } = context;
  body.traverse({
    Function(path) {
      path.skip();
    },
    ObjectExpression: {
      exit(path) {
        const properties = path.get("properties");
        const needsLowering =
          properties.some(
            (p) =>
              ((p.isObjectProperty() || p.isObjectMethod()) && p.node.computed && containsYield(p.get("key") as NodePath)) ||
              (p.isSpreadElement() && containsYield(p)),
          ) || computedKeyBeforeYield(path.node.properties, (index) => containsYield(properties[index]!.get("value") as NodePath));
        if (!needsLowering) return;
        const parts: t.Expression[] = [];
        for (const property of properties) {
          const node = property.node;
          if (t.isSpreadElement(node)) {
            parts.push(t.stringLiteral("spread"), t.nullLiteral(), node.argument);
          } else if (t.isObjectProperty(node)) {
            const key = node.computed
              ? (node.key as t.Expression)
              : t.isIdentifier(node.key)
                ? t.stringLiteral(node.key.name)
                : (node.key as t.Expression);
            const isProtoSetter =
              !node.computed &&
              ((t.isIdentifier(node.key) && node.key.name === "__proto__") ||
                (t.isStringLiteral(node.key) && node.key.value === "__proto__")) &&
              !node.shorthand;
            // An anonymous function value is named after its key, which only the runtime knows.
            const kind = isProtoSetter ? "proto" : isAnonymousFunctionDefinition(node.value, t) ? "named" : "init";
            parts.push(t.stringLiteral(kind), key, node.value as t.Expression);
          } else if (t.isObjectMethod(node)) {
            const key = node.computed
              ? (node.key as t.Expression)
              : t.isIdentifier(node.key)
                ? t.stringLiteral(node.key.name)
                : (node.key as t.Expression);
            // Made as a method of a literal of its own, so it stays a method (not
            // a constructor, no prototype); buildObject names it after its key.
            // Its `super` would find that literal's prototype, so it is refused.
            if (usesSuper(property as NodePath<t.ObjectMethod>)) {
              throw property.buildCodeFrameError(
                "@resumable: `super` in a method of an object literal whose keys contain a yield (or whose computed key comes before a value that yields) is not supported; compute the key or the value before the literal (`const key = yield …;`)",
              );
            }
            const method = t.objectMethod("method", t.identifier("m"), node.params, node.body, false, node.generator, node.async);
            parts.push(t.stringLiteral(node.kind), key, t.memberExpression(t.objectExpression([method]), t.identifier("m")));
          }
        }
        path.replaceWith(t.callExpression(runtime.get("buildObject"), [t.arrayExpression(parts)]));
      },
    },
  });
}

/**
 * Regenerator evaluates a side-effect-free operand where it is used, which
 * can be after a yield elsewhere in the expression: in `f(yield x)` it reads
 * `f` after resuming, and in `o.p = yield x` it reads `o` after resuming.
 * Native code reads both first, so we make that order explicit, except for
 * a binding that is never reassigned, or a global: reading it later gives
 * the same value, and keeps a function out of the saved state.
 */
function hasOperandReadBeforeYield(scan: YieldScan): boolean {
  return scan.nodes.some((node) => {
    if (node.type === "CallExpression" || node.type === "NewExpression") return node.arguments.some((arg) => scan.containsYield(arg));
    if (node.type !== "AssignmentExpression" || node.left.type !== "MemberExpression") return false;
    return scan.containsYield(node.right) || (node.left.computed && scan.containsYield(node.left.property));
  });
}

function preserveEvaluationOrder(
  body: NodePath<t.BlockStatement>,
  context: LowerContext,
  sourceCalls: ReadonlyMap<t.CallExpression, string | undefined>,
): void {
  const { types: t, runtime } = context;
  // A binding never reassigned, or a global (String, Math, JSON…): reading it
  // after the yield gives the same value, and keeps it out of the saved state.
  const isConstantBinding = (path: NodePath) => {
    if (!path.isIdentifier()) return false;
    const binding = path.scope.getBinding(path.node.name);
    return binding === undefined || binding.constant;
  };
  const argsYield = (path: NodePath<t.CallExpression | t.NewExpression>) =>
    (path.get("arguments") as NodePath[]).some((arg) => containsYield(arg));
  // What V8 prints for the callee of a call the source wrote (undefined for one a lowering step made).
  const printedCalleeOf = (call: t.CallExpression) => {
    const printed = sourceCalls.get(call);
    return printed === undefined ? undefinedValue(t) : t.stringLiteral(printed);
  };
  // A local of the generator (a frame field once locals.ts runs) that keeps a value read before a yield.
  const newLocal = (path: NodePath, hint: string): t.Identifier => {
    const scope = path.scope.getFunctionParent() ?? path.scope;
    const local = scope.generateUidIdentifier(hint);
    scope.push({ id: local });
    return local;
  };
  // Our own replacements are visited again; leave them be.
  const made = new WeakSet<t.Node>();
  const replace = (path: NodePath, node: t.Expression) => {
    made.add(node);
    path.replaceWith(node);
  };
  body.traverse({
    Function(path) {
      path.skip();
    },
    CallExpression: {
      exit(path) {
        if (made.has(path.node) || !argsYield(path)) return;
        // `(o.m)(…)` and `(o?.m)(…)` call m with `this` o, as `o.m(…)` does:
        // what wraps the callee (parentheses, a type) goes.
        const callee = withoutTypeOnlyWrappers(path.node.callee) as t.CallExpression["callee"];
        if ((t.isMemberExpression(callee) || t.isOptionalMemberExpression(callee)) && callee !== path.node.callee) {
          path.node.callee = callee;
        }
        if (t.isOptionalMemberExpression(callee) && !t.isPrivateName(callee.property)) {
          // regenerator would hold the method in a temporary and call it without its object.
          const key = callee.computed ? (callee.property as t.Expression) : t.stringLiteral((callee.property as t.Identifier).name);
          replace(path, t.callExpression(runtime.get("invokeMethod"), [callee.object, key, ...path.node.arguments]));
          return;
        }
        if (t.isMemberExpression(callee)) {
          // `o.m(yield x)`, as the source wrote it: the method read before the arguments, as native code reads it.
          if (!sourceCalls.has(path.node) || t.isSuper(callee.object) || t.isPrivateName(callee.property)) return;
          // A module-level constant or a global (console, Math…) is read after the yield, as regenerator
          // reads it (explode.ts keeps it out of the temporaries), since a snapshot could not hold it.
          if (t.isIdentifier(callee.object) && isModuleConstant(path.scope, callee.object.name)) return;
          if (!callee.computed && t.isIdentifier(callee.property)) {
            // `callMethodRead((_o = o).m, _o, "m", …)`: the method and its object in two temporaries, no
            // object made per call; explode.ts tells snapshots which temporary is whose method.
            const object = newLocal(path, "object");
            const method = t.memberExpression(
              t.assignmentExpression("=", t.cloneNode(object), callee.object as t.Expression),
              callee.property,
            );
            const key = t.stringLiteral(callee.property.name);
            const args = [method, t.cloneNode(object), key, printedCalleeOf(path.node), ...path.node.arguments];
            replace(path, t.callExpression(runtime.get("callMethodRead"), args));
            return;
          }
          const [held, siteKey] = heldMethodArguments(callee, runtime, t);
          replace(
            path,
            t.callExpression(runtime.get("callHeldMethod"), [held, siteKey, printedCalleeOf(path.node), ...path.node.arguments]),
          );
          return;
        }
        if (t.isSuper(callee) || t.isImport(callee)) return;
        if (isConstantBinding(path.get("callee") as NodePath)) return;
        replace(
          path,
          t.callExpression(runtime.get("callFunction"), [callee as t.Expression, printedCalleeOf(path.node), ...path.node.arguments]),
        );
      },
    },
    NewExpression: {
      exit(path) {
        if (!argsYield(path) || isConstantBinding(path.get("callee") as NodePath)) return;
        replace(path, t.callExpression(runtime.get("construct"), [path.node.callee as t.Expression, ...path.node.arguments]));
      },
    },
    AssignmentExpression: {
      exit(path) {
        const left = path.node.left;
        if (made.has(path.node) || !t.isMemberExpression(left) || t.isSuper(left.object)) return;
        if (!containsYield(path.get("right")) && !(left.computed && containsYield(path.get("left.property") as NodePath))) return;
        const objectPath = path.get("left.object") as NodePath;
        const propertyIsFixed = !left.computed || t.isLiteral(left.property) || isConstantBinding(path.get("left.property") as NodePath);
        if ((isConstantBinding(objectPath) || t.isThisExpression(left.object)) && propertyIsFixed) return;
        const object = newLocal(path, "object");
        const parts: t.Expression[] = [t.assignmentExpression("=", t.cloneNode(object), left.object as t.Expression)];
        let property: t.Expression = left.property as t.Expression;
        if (left.computed) {
          const key = newLocal(path, "key");
          parts.push(t.assignmentExpression("=", t.cloneNode(key), property));
          property = t.cloneNode(key);
        }
        const assignment = t.assignmentExpression(
          path.node.operator,
          t.memberExpression(t.cloneNode(object), property, left.computed),
          path.node.right,
        );
        made.add(assignment);
        parts.push(assignment);
        replace(path, t.sequenceExpression(parts));
      },
    },
  });
}

function hasTypeOnlyWrapperAroundYield(scan: YieldScan): boolean {
  return scan.nodes.some((node) => TYPE_ONLY_WRAPPERS.has(node.type) && scan.containsYield(node));
}

/**
 * `(yield x) as string` becomes `yield x`: regenerator's emitter knows no
 * type syntax (our plugin runs before the TypeScript or Flow plugin strips
 * it), and the wrapper does nothing at run time. Wrappers without a yield
 * inside are left to those plugins.
 */
function unwrapTypeOnlyWrappersAroundYields(body: NodePath<t.BlockStatement>, scan: YieldScan): void {
  const unwrap = (path: NodePath): void => {
    // The operand is a node of the scanned body, so the scan still answers for it when it is a wrapper too.
    if (TYPE_ONLY_WRAPPERS.has(path.node.type) && scan.containsYield(path.node))
      path.replaceWith((path.node as t.TSAsExpression).expression);
  };
  const visitor: Visitor = {
    Function(path) {
      skipNestedFunction(path, (key) => {
        unwrap(key);
        key.traverse(visitor);
      });
    },
    enter: unwrap,
  };
  body.traverse(visitor);
}

function hasOverloadSignature(scan: YieldScan): boolean {
  return scan.nodes.some((node) => node.type === "TSDeclareFunction");
}

/**
 * TypeScript's overload signatures (`function f(x: number): number;` before
 * `function f(x) {…}`) go: they declare no code, and the function they
 * describe becomes a frame field, whose name a signature cannot take.
 */
function removeOverloadSignatures(body: NodePath<t.BlockStatement>): void {
  body.traverse({
    Function(path) {
      path.skip();
    },
    TSDeclareFunction(path) {
      path.remove();
    },
  });
}

/** The list a spread can sit in, with the key holding it. */
function spreadList(node: t.Node): Array<t.Node | null> | undefined {
  if (node.type === "ArrayExpression") return node.elements;
  if (node.type === "CallExpression" || node.type === "NewExpression" || node.type === "OptionalCallExpression") return node.arguments;
  return undefined;
}

/** Whether `list[index]` is followed, in the same list, by an element holding a yield. */
function yieldFollows(list: ReadonlyArray<t.Node | null>, index: number, scan: YieldScan): boolean {
  for (let i = index + 1; i < list.length; i++) if (scan.containsYield(list[i])) return true;
  return false;
}

function hasSpreadOfNameBeforeYield(scan: YieldScan): boolean {
  return scan.nodes.some((node) => {
    const list = spreadList(node);
    return list?.some((item, i) => item?.type === "SpreadElement" && item.argument.type === "Identifier" && yieldFollows(list, i, scan));
  });
}

/**
 * `[...items, yield x]` reads `items` before the yield. Babel's spread plugin
 * copies a spread with `_toConsumableArray(items)`, except a name it knows
 * holds an array (`const items = […]`), which it passes to `concat` as it
 * is: that `concat` runs after the yield, and would read the array as it is
 * then. `(0, items)` is not a name, so it is copied, before the yield.
 */
function copySpreadNamesBeforeYields(body: NodePath<t.BlockStatement>, scan: YieldScan, types: Types): void {
  const t = types;
  body.traverse({
    Function(path) {
      path.skip();
    },
    SpreadElement(path) {
      const argument = path.node.argument;
      const list = spreadList(path.parent);
      if (argument.type !== "Identifier" || !list || path.listKey === undefined) return;
      if (!yieldFollows(list, path.key as number, scan)) return;
      path.get("argument").replaceWith(t.sequenceExpression([t.numericLiteral(0), argument]));
    },
  });
}

function hasBindinglessCatch(scan: YieldScan): boolean {
  return scan.nodes.some((node) => node.type === "CatchClause" && !node.param);
}

/** Regenerator needs a parameter on every catch clause: `catch {` gets an unused one. */
function nameBindinglessCatches(body: NodePath<t.BlockStatement>): void {
  body.traverse({
    Function(path) {
      path.skip();
    },
    CatchClause(path) {
      if (!path.node.param) path.node.param = path.scope.generateUidIdentifier("unused");
    },
  });
}

/**
 * A lowering step, with a test on the scanned body that is false only when
 * the step would change nothing there: then the step's traversal is skipped.
 */
interface LoweringStep {
  hasWork(scan: YieldScan): boolean;
  run(): void;
}

export function lowerGeneratorBody(body: NodePath<t.BlockStatement>, context: LowerContext): void {
  const t = context.types;
  ensureBabel7ScopeApi(body.scope, t);
  // Made when the first Babel plugin runs: the steps skipped before it left the body as it was.
  let mayHaveYield: ((path: NodePath) => boolean) | undefined;
  const steps: LoweringStep[] = [
    // First: the for…of lowering would leave the outer labels on a block.
    { hasWork: hasLabelChain, run: () => collapseLabelChains(body.node, t) },
    { hasWork: hasTypeOnlyWrapperAroundYield, run: () => unwrapTypeOnlyWrappersAroundYields(body, scan) },
    { hasWork: hasOverloadSignature, run: () => removeOverloadSignatures(body) },
    { hasWork: hasBindinglessCatch, run: () => nameBindinglessCatches(body) },
    { hasWork: hasForInOrOf, run: () => lowerForStatements(body, context) },
    { hasWork: hasDelegationToCollectionMethod, run: () => delegateToCollectionCursors(body, context) },
    { hasWork: hasObjectLiteralWithYieldInKeys, run: () => lowerObjectLiteralsWithYieldInKeys(body, context) },
    { hasWork: hasSpreadOfNameBeforeYield, run: () => copySpreadNamesBeforeYields(body, scan, t) },
    {
      hasWork: hasObjectPattern,
      run: () => checkDestructuredValues(scan, t, context.runtime, (hint) => body.scope.generateUidIdentifier(hint)),
    },
    { hasWork: hasTaggedTemplateWithYield, run: () => hoistTemplateSites(body, context, scan) },
    { hasWork: (scan: YieldScan) => hasInferredNameToKeep(scan, t), run: () => keepInferredNames(body, t, context.runtime) },
    ...context.passes.map((pass) => ({
      hasWork: (scan: YieldScan) => babelPluginHasWork(scan, pass, t),
      run: () => runBabelPlugin(body, pass, context, (mayHaveYield ??= yieldRangeTest(body)), operands),
    })),
    { hasWork: hasOperandReadBeforeYield, run: () => preserveEvaluationOrder(body, context, operands.callsWithYieldingArguments) },
  ];
  let scan = new YieldScan(body.node, t);
  // A block's own binding of the name is not seen from the body's scope (spread-calls.ts).
  const isModuleConstantHere = (name: string) => isModuleConstant(body.scope, name);
  // Recorded now, before the steps rewrite them (node identities survive the rewriting, source text does not).
  const operands: PrintedOperands = {
    spreads: spreadOperandsAroundYields(scan),
    arrayPatterns: markArrayPatternValues(scan),
    chainMethodCalls: optionalChainMethodCalls(scan, isModuleConstantHere),
    callsWithYieldingArguments: callsWithYieldingArguments(scan),
    spreadCalls: spreadCallsAroundYields(scan, isModuleConstantHere),
  };
  for (const step of steps) {
    if (!step.hasWork(scan)) continue;
    step.run();
    // The step may have changed the body.
    scan = new YieldScan(body.node, t);
  }
}
