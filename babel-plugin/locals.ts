/**
 * Phase 2: every binding of the generator (parameters, var/let/const,
 * function and class declarations, catch parameters, the lowering's own
 * temporaries) becomes a field of the frame, `$name`; `this` and `arguments`
 * become `_self` and `_args`. After this pass the body declares nothing, so
 * regenerator has nothing to hoist into a closure no snapshot could reach.
 *
 * Per-iteration bindings: a `let`/`const` declared inside a loop and captured
 * by a closure needs a fresh binding each iteration, or every closure would
 * see the last value. Such bindings live in an environment object
 * (`$env$1 = { i: … }`) that is replaced each iteration (copied, for a `for`
 * head, as the spec's CreatePerIterationEnvironment does), and each closure
 * that uses one is wrapped so that it captures the object current when the
 * closure was created.
 */
import type { NodePath, types as t } from "@babel/core";
import type { Scope } from "@babel/traverse";
import { PER_ITERATION_BINDINGS } from "../runtime/engine-messages.js";
import { isAwaitYield } from "./async-lower.js";
import { patternValueChecked } from "./destructure-checks.js";
import { isAnonymousFunctionDefinition } from "./inferred-names.js";
import { containsYield } from "./lower.js";
import type { RuntimeImports } from "./runtime-imports.js";
import {
  capturesEnclosingFunction,
  enumInBody,
  namespaceInBody,
  yieldInClassFieldKey,
  yieldInDoExpression,
  yieldInImportCall,
  yieldInPrivateIn,
  usesDirectEval,
  usesPrivateName,
  usesSuper,
  usesWith,
} from "./unsupported.js";
import { undefinedValue } from "./undefined-value.js";
import { enclosingClosure, isCapturedByClosure } from "./closures.js";

type Types = typeof t;
type Binding = NonNullable<ReturnType<Scope["getBinding"]>>;

export interface FrameFields {
  /** Parameter fields in declaration order, with the local names of the outer function's parameters. */
  params: Array<{ field: string; local: string }>;
  /** Every field the body uses for user state (params included), in first-use order. */
  locals: string[];
  /** Source name of each field, for messages and snapshots. */
  sourceNames: Map<string, string>;
  usesThis: boolean;
  usesArguments: boolean;
  /** Fields that closures in the body read or write: never cleared early, a closure may outlive the yield. */
  capturedFields: Set<string>;
  /**
   * For block-scoped fields: the node of the block (or loop, catch, switch)
   * they are declared in. Such a field is dead at any yield outside that
   * node: control can only reach it again through its declaration.
   */
  blockOfField: Map<string, t.Node>;
}

interface Env {
  field: string;
  /** binding name → property name in the environment object */
  members: Map<Binding, string>;
  scopePath: NodePath;
  closureParam: string;
}

const LOOP_TYPES = new Set(["ForStatement", "WhileStatement", "DoWhileStatement", "ForInStatement", "ForOfStatement"]);

export function fieldsToFrame(fn: NodePath<t.Function>, frameName: string, types: Types, runtime: RuntimeImports): FrameFields {
  const t = types;
  const body = fn.get("body") as NodePath<t.BlockStatement>;
  const usedFields = new Set<string>(["$env"]);
  const fieldOf = new Map<Binding, string>();
  const sourceNames = new Map<string, string>();
  const locals: string[] = [];
  const frame = () => t.identifier(frameName);
  /** The source name behind a converted declarator target (`$F.$x` → "x"). */
  const sourceNameOfTarget = (target: t.Node): string | undefined =>
    t.isMemberExpression(target) && t.isIdentifier(target.object, { name: frameName }) && t.isIdentifier(target.property)
      ? sourceNames.get(target.property.name)
      : t.isMemberExpression(target) && t.isIdentifier(target.property) && t.isMemberExpression(target.object)
        ? target.property.name
        : undefined;
  const member = (field: string) => t.memberExpression(frame(), t.identifier(field));
  // A catch clause in the body (or in a closure in it) that regenerator keeps
  // native catches an engine error before the runtime sees it: it writes
  // the source names back into the message itself ("f is not a function",
  // not "(0 , _frame.$f) is not a function").
  const restoreSourceNamesOf = (caught: t.Expression) =>
    t.expressionStatement(t.callExpression(runtime.get("restoreSourceNames"), [caught, frame()]));

  // Native code names an anonymous function after the binding it is
  // assigned to (`const f = () => {}` has f.name "f"); an assignment to a
  // field does not, so name it explicitly.
  const keepInferredName = (name: string, value: t.Expression): t.Expression =>
    isAnonymousFunctionDefinition(value, t) ? t.callExpression(runtime.get("setFunctionName"), [value, t.stringLiteral(name)]) : value;

  const allocateField = (name: string): string => {
    let field = `$${name}`;
    for (let n = 2; usedFields.has(field); n++) field = `$${name}$${n}`;
    usedFields.add(field);
    return field;
  };

  // 1. Refusals and bindings that come from outside.
  if (mayBeRefused(body.node, fn.scope, t)) refuseUnsupported(fn, body, t);

  // 2. Collect the generator's own bindings: its function scope and every
  //    block scope inside it that does not belong to a nested function.
  const scopes: Scope[] = [fn.scope];
  body.traverse({
    Scopable(path) {
      if (path.isFunction() || path.isClass()) {
        path.skip();
        return;
      }
      if (path.scope.path === path && !scopes.includes(path.scope)) scopes.push(path.scope);
    },
    Function(path) {
      path.skip();
    },
  });

  const params: FrameFields["params"] = [];
  const envs: Env[] = [];
  const envOf = new Map<Binding, Env>();
  const blockOfField = new Map<string, t.Node>();

  for (const scope of scopes) {
    for (const [name, binding] of Object.entries(scope.bindings) as Array<[string, Binding]>) {
      if (scope === fn.scope && binding.kind === "local") continue; // the function expression's own name
      // A plain catch parameter is left to regenerator, which keeps the
      // exception in a temporary whose liveness it knows exactly; unless a
      // closure captures it: that temporary is one per catch clause, where
      // each run of the clause makes a binding of its own (a loop's closures
      // would all see the last exception).
      if (isPlainCatchParameter(binding) && !isCapturedByClosure(binding, fn)) continue;
      const field = allocateField(name);
      fieldOf.set(binding, field);
      sourceNames.set(field, name);
      locals.push(field);
      if (scope !== fn.scope) blockOfField.set(field, scope.block);
      if (binding.kind === "param") continue;
      if (needsPerIterationBinding(binding, scope, fn)) {
        let env = envs.find((e) => e.scopePath === scope.path);
        if (!env) {
          const envField = allocateField("env");
          env = { field: envField, members: new Map(), scopePath: scope.path, closureParam: fn.scope.generateUid("env") };
          envs.push(env);
          locals.push(envField);
          blockOfField.set(envField, scope.block);
          sourceNames.set(envField, PER_ITERATION_BINDINGS);
        }
        env.members.set(binding, name);
        envOf.set(binding, env);
        fieldOf.delete(binding);
        locals.splice(locals.indexOf(field), 1);
        usedFields.delete(field);
        sourceNames.delete(field);
        blockOfField.delete(field);
      }
    }
  }

  // Parameters: the outer function keeps its parameter list (so defaults and
  // destructuring run natively at call time, and `length` is unchanged); the
  // frame receives the resulting bindings.
  for (const [name, binding] of Object.entries(fn.scope.bindings) as Array<[string, Binding]>) {
    if (binding.kind !== "param") continue;
    params.push({ field: fieldOf.get(binding)!, local: name });
  }

  // 3. Rewrite references. Identifiers inside nested functions refer to the
  //    same bindings through the scope chain, so one traversal covers them.
  let usesThis = false;
  let usesArguments = false;
  const closuresUsingEnv = new Map<NodePath, Set<Env>>();

  // Temporal dead zone: a let/const/class binding whose reference may run
  // before its declaration (a read before it in the source, from a hoisted
  // function, from another case of a switch, or from its own initializer)
  // starts as the runtime's UNINITIALIZED marker, and those references check
  // it; every other reference runs after the declaration and needs no check.
  const tdzBindings = new Set<Binding>();
  const mayRunBeforeDeclaration = (reference: NodePath, binding: Binding): boolean => {
    if (binding.kind !== "let" && binding.kind !== "const") return false;
    const declaration = sourceSpan(binding.path.node, t) ?? sourceSpan(binding.identifier, t);
    if (binding.path.isCatchClause() || declaration === undefined || reference.node.start == null) return false;
    const scopePath = binding.scope.path;
    if (scopePath.isForStatement() || scopePath.isForXStatement()) return false;
    if (scopePath.isSwitchStatement()) {
      const caseOf = (p: NodePath) => p.findParent((q) => q.isSwitchCase() && q.parentPath === scopePath);
      if (caseOf(reference) !== caseOf(binding.path)) return true;
    }
    const closure = enclosingClosure(reference, fn);
    if (closure?.isFunctionDeclaration()) return true; // hoisted: callable before anything runs
    const position = closure ? closure.node.start : reference.node.start;
    return position == null || position < declaration.end;
  };
  const checkedRead = (value: t.Expression, name: string) =>
    t.callExpression(runtime.get("checkInitialized"), [value, t.stringLiteral(name)]);

  /**
   * A write to a const (`x = v`, `x += v`, `x ||= v`, `x++`, `[x] = a`,
   * `for (x of a)`) throws as the native write would, after what native code
   * evaluates before it: the value, and for a compound write the old value
   * and the operation (whose valueOf calls are observable). Returns true when
   * it replaced the target or the whole write, false when it changed only the
   * write's right side (the target is then rewritten as any other).
   */
  const rejectConstantWrite = (path: NodePath, replacement: t.Expression, name: string, early: boolean): boolean => {
    const parent = path.parentPath!;
    const reject = (evaluated: t.Expression) =>
      t.callExpression(runtime.get("assignToConstant"), [evaluated, t.cloneNode(replacement), t.stringLiteral(name)]);
    const read = () => (early ? checkedRead(t.cloneNode(replacement), name) : t.cloneNode(replacement));
    if (parent.isUpdateExpression()) {
      // `x++` converts the old value to a number (unary minus: BigInt too) before writing.
      parent.replaceWith(reject(t.unaryExpression("-", read())));
      return true;
    }
    if (!parent.isAssignmentExpression() || path.key !== "left") {
      if (!isPatternTarget(path)) return false; // a read
      // A pattern's element or a for…in/of head (`[x] = a`, `for (x of a)`):
      // a target whose setter throws, so the values before it are still read.
      setNodeWithoutValidation(
        path,
        t.memberExpression(
          t.callExpression(runtime.get("constantTarget"), [t.cloneNode(replacement), t.stringLiteral(name)]),
          t.identifier("value"),
        ),
      );
      return true;
    }
    const { operator, right } = parent.node;
    if (operator === "=") {
      parent.node.right = reject(right);
      return false;
    }
    if (operator === "&&=" || operator === "||=" || operator === "??=") {
      parent.replaceWith(t.logicalExpression(operator.slice(0, -1) as "&&" | "||" | "??", read(), reject(right)));
      return true;
    }
    parent.node.operator = "=";
    parent.node.right = reject(t.binaryExpression(operator.slice(0, -1) as t.BinaryExpression["operator"], read(), right));
    return false;
  };

  const capturedFields = new Set<string>();
  const replacementFor = (path: NodePath, binding: Binding): t.Expression | null => {
    const field = fieldOf.get(binding);
    if (field) {
      if (enclosingClosure(path, fn)) capturedFields.add(field);
      return member(field);
    }
    const env = envOf.get(binding);
    if (!env) return null;
    const property = t.identifier(env.members.get(binding)!);
    const closure = enclosingClosure(path, fn);
    if (closure) {
      let set = closuresUsingEnv.get(closure);
      if (!set) closuresUsingEnv.set(closure, (set = new Set()));
      set.add(env);
      return t.memberExpression(t.identifier(env.closureParam), property);
    }
    return t.memberExpression(member(env.field), property);
  };

  // The generator's own declarations (not those of nested functions or
  // classes), in source order, found by the same traversal: they become
  // assignments once every reference is rewritten (step 4), since removing a
  // declaration removes its binding from Babel's scope.
  const ownDeclarations: NodePath[] = [];
  const noteIfOwn = (path: NodePath) => {
    for (let p = path.parentPath; p && p !== fn; p = p.parentPath) if (p.isFunction() || p.isClass()) return;
    ownDeclarations.push(path);
  };
  body.traverse({
    VariableDeclaration: noteIfOwn,
    FunctionDeclaration: noteIfOwn,
    ClassDeclaration: noteIfOwn,
    CatchClause(path) {
      const param = path.node.param;
      if (!param) return;
      // A parameter the frame holds (a pattern, or a name a closure captures) is assigned from a temporary,
      // and convertCatchParameter restores the names before that assignment.
      if (!t.isIdentifier(param)) {
        noteIfOwn(path);
        return;
      }
      const binding = path.scope.getBinding(param.name);
      if (binding && (fieldOf.has(binding) || envOf.has(binding))) noteIfOwn(path);
      // Its reference to the parameter is rewritten below like any other.
      (path.get("body") as NodePath<t.BlockStatement>).unshiftContainer("body", restoreSourceNamesOf(t.identifier(param.name)));
    },
    ThisExpression(path) {
      if (enclosingNonArrowFunction(path, fn)) return;
      usesThis = true;
      if (enclosingClosure(path, fn)) capturedFields.add("_self");
      path.replaceWith(member("_self"));
    },
    MetaProperty(path) {
      if (path.node.meta.name === "new" && !enclosingNonArrowFunction(path, fn)) path.replaceWith(undefinedValue(t));
    },
    Identifier(path) {
      const name = path.node.name;
      if (name === "arguments" && !path.scope.getBinding("arguments") && path.isReferencedIdentifier()) {
        if (enclosingNonArrowFunction(path, fn)) return;
        usesArguments = true;
        if (enclosingClosure(path, fn)) capturedFields.add("_args");
        path.replaceWith(member("_args"));
        return;
      }
      if (!path.isReferencedIdentifier() && !isAssignmentTarget(path)) return;
      if (isInType(path) || isLabel(path)) return;
      const binding = bindingOf(path, name);
      if (!binding || !(fieldOf.has(binding) || envOf.has(binding))) return;
      // Inside its own body a class's name is the class's own binding (the
      // class expression step 4 makes keeps that name), not the field.
      if (binding.path.isClassDeclaration() && path.findParent((p) => p === binding.path)) return;
      const replacement = replacementFor(path, binding);
      if (!replacement) return;
      const parent = path.parentPath;
      if ((parent?.isFunctionDeclaration() || parent?.isClassDeclaration()) && path.key === "id") return;
      if (parent?.isObjectProperty() && parent.node.shorthand && parent.node.value === path.node) {
        parent.node.shorthand = false;
      }
      if (
        parent?.isAssignmentPattern() &&
        parent.node.left === path.node &&
        parent.parentPath?.isObjectProperty() &&
        parent.parentPath.node.shorthand
      ) {
        parent.parentPath.node.shorthand = false;
      }
      // `f()` must not become `$F.$f()`, which would call f with the frame as `this`.
      const isCallee =
        ((parent?.isCallExpression() || parent?.isOptionalCallExpression() || parent?.isNewExpression()) && path.key === "callee") ||
        (parent?.isTaggedTemplateExpression() && path.key === "tag");
      // The declaration's own name is where the binding starts, not a use before it.
      const early = path.node !== binding.identifier && mayRunBeforeDeclaration(path, binding);
      if (early) tdzBindings.add(binding);
      if (binding.kind === "const" && path.node !== binding.identifier && rejectConstantWrite(path, replacement, name, early)) return;
      const isCompoundTarget = parent?.isAssignmentExpression() && parent.node.operator !== "=" && path.key === "left";
      if (early && (parent?.isUpdateExpression() || isCompoundTarget)) {
        // `x++` or `x += v` before the declaration: the read of x throws first.
        if (parent!.isUpdateExpression()) parent.node.argument = replacement as t.MemberExpression;
        else (parent!.node as t.AssignmentExpression).left = replacement as t.MemberExpression;
        parent!.replaceWith(t.sequenceExpression([checkedRead(t.cloneNode(replacement), name), parent!.node as t.Expression]));
        return;
      }
      if (early && isPatternTarget(path)) {
        // `[x] = a` or `for (x of a)` before the declaration: the value is read, then the write throws.
        const member = replacement as t.MemberExpression;
        const key = member.computed ? (member.property as t.Expression) : t.stringLiteral((member.property as t.Identifier).name);
        setNodeWithoutValidation(
          path,
          t.memberExpression(
            t.callExpression(runtime.get("initializedTarget"), [t.cloneNode(member.object as t.Expression), key, t.stringLiteral(name)]),
            t.identifier("value"),
          ),
        );
        path.skip();
        return;
      }
      // `x = () => {}`, `x ??= () => {}`, `{ x = () => {} } = o` (in a closure; the body's own are named by inferred-names.ts).
      const namesItsValue =
        (parent?.isAssignmentExpression() && ["=", "&&=", "||=", "??="].includes(parent.node.operator)) || parent?.isAssignmentPattern();
      if (namesItsValue && path.key === "left") {
        const holder = parent!.node as t.AssignmentExpression | t.AssignmentPattern;
        holder.right = keepInferredName(name, holder.right);
      }
      if (early && parent?.isAssignmentExpression({ operator: "=" }) && path.key === "left") {
        // `x = v` before the declaration: v is evaluated, then the write throws.
        parent.node.right = t.callExpression(runtime.get("checkWritable"), [
          parent.node.right,
          t.cloneNode(replacement),
          t.stringLiteral(name),
        ]);
      }
      const value = early && path.isReferencedIdentifier() ? checkedRead(replacement, name) : replacement;
      if (isCallee && !parent?.isNewExpression()) {
        path.replaceWith(t.sequenceExpression([t.numericLiteral(0), value]));
        path.skip();
        return;
      }
      if (path.isBindingIdentifier() && !path.isReferencedIdentifier()) {
        // Declarator ids, catch parameters and pattern elements: set the node
        // directly, since Babel would refuse a member expression there; the
        // declarations themselves become assignments in step 4.
        setNodeWithoutValidation(path, replacement);
      } else {
        path.replaceWith(value);
      }
      path.skip();
    },
  });

  // Closures that use per-iteration bindings capture the environment
  // objects current at their creation: `((env) => function () {…})($F.$env)`.
  const wrapIfUsesEnv = (closure: NodePath, expression: t.Expression): t.Expression => {
    const envSet = closuresUsingEnv.get(closure);
    if (!envSet) return expression;
    const list = [...envSet];
    return t.callExpression(
      t.arrowFunctionExpression(
        list.map((e) => t.identifier(e.closureParam)),
        expression,
      ),
      list.map((e) => member(e.field)),
    );
  };
  for (const closure of closuresUsingEnv.keys()) {
    if (closure.isFunctionDeclaration() || closure.isClassDeclaration()) continue; // wrapped in step 4
    closure.replaceWith(wrapIfUsesEnv(closure, closure.node as t.Expression));
    closure.skip();
  }

  const convertFunctionDeclaration = (path: NodePath<t.FunctionDeclaration>) => {
    const binding = path.parentPath.scope.getBinding(path.node.id!.name);
    const target = binding ? replacementFor(path, binding) : null;
    const expression = wrapIfUsesEnv(
      path,
      t.functionExpression(path.node.id, path.node.params, path.node.body, path.node.generator, path.node.async),
    );
    const assignment = t.expressionStatement(
      t.assignmentExpression("=", (target ?? t.identifier(path.node.id!.name)) as t.LVal, expression),
    );
    const block = path.parentPath;
    path.remove();
    hoistToBlockStart(block as NodePath, assignment, t);
  };
  const convertClassDeclaration = (path: NodePath<t.ClassDeclaration>) => {
    const binding = path.parentPath.scope.getBinding(path.node.id!.name);
    const target = binding ? replacementFor(path, binding) : null;
    const expression = wrapIfUsesEnv(
      path,
      t.classExpression(path.node.id, path.node.superClass, path.node.body, path.node.decorators ?? []),
    );
    path.replaceWith(
      t.expressionStatement(t.assignmentExpression("=", (target ?? t.identifier(path.node.id!.name)) as t.LVal, expression)),
    );
  };
  const convertVariableDeclaration = (path: NodePath<t.VariableDeclaration>) => {
    const { kind, declarations } = path.node;
    // The head of a native for…of/for…in (one without yields, see lower.ts)
    // assigns the field directly: `for ($F.$x of xs)`.
    if ((path.parentPath.isForOfStatement() || path.parentPath.isForInStatement()) && path.key === "left") {
      path.replaceWith(declarations[0]!.id as t.LVal);
      return;
    }
    const assignments: t.Expression[] = [];
    for (const declarator of declarations) {
      if (declarator.init) {
        const name = sourceNameOfTarget(declarator.id);
        const init = name ? keepInferredName(name, declarator.init) : declarator.init;
        assignments.push(t.assignmentExpression("=", declarator.id as t.LVal, init));
      } else if (kind !== "var" && t.isMemberExpression(declarator.id)) {
        assignments.push(t.assignmentExpression("=", declarator.id, undefinedValue(t)));
      }
    }
    const expression = assignments.length === 0 ? null : assignments.length === 1 ? assignments[0]! : t.sequenceExpression(assignments);
    const parent = path.parentPath;
    if (parent.isForStatement() && path.key === "init") {
      if (expression) path.replaceWith(expression);
      else path.remove();
    } else if (expression) {
      path.replaceWith(t.expressionStatement(expression));
    } else {
      path.remove();
    }
  };
  const convertCatchParameter = (path: NodePath<t.CatchClause>) => {
    const param = path.node.param!;
    const caught = path.scope.generateUidIdentifier("caught");
    path.node.param = caught;
    const caughtValue = patternValueChecked(t.cloneNode(caught), ".catch", param, t, runtime);
    const assignment = t.expressionStatement(t.assignmentExpression("=", param as t.LVal, caughtValue));
    // A pattern reads the error's properties at once: the names go back first (a plain name's clause already has this).
    const statements =
      t.isIdentifier(param) || t.isMemberExpression(param) ? [assignment] : [restoreSourceNamesOf(t.cloneNode(caught)), assignment];
    (path.get("body") as NodePath<t.BlockStatement>).unshiftContainer("body", statements);
  };

  // 4. Declarations become assignments; function declarations move to the
  //    top of their block (they are hoisted), classes stay where they are.
  for (const path of ownDeclarations) {
    if (path.isFunctionDeclaration()) convertFunctionDeclaration(path);
    else if (path.isClassDeclaration()) convertClassDeclaration(path);
    else if (path.isVariableDeclaration()) convertVariableDeclaration(path);
    else if (path.isCatchClause()) convertCatchParameter(path);
  }

  // The fields of bindings in their dead zone start uninitialized each time
  // their block is entered.
  for (const binding of tdzBindings) {
    const field = fieldOf.get(binding);
    if (!field) continue; // per-iteration bindings: their environment object starts them so
    const mark = t.expressionStatement(t.assignmentExpression("=", member(field), runtime.get("UNINITIALIZED")));
    const scopePath = binding.scope.path;
    if (scopePath === fn || scopePath.isBlockStatement()) {
      const block = (scopePath === fn ? body : scopePath) as NodePath<t.BlockStatement>;
      block.unshiftContainer("body", mark);
    } else if (scopePath.isSwitchStatement()) {
      scopePath.insertBefore(mark);
    }
  }

  // 5. Environment objects: created at the top of their block each time it
  //    runs; a `for` head's environment is copied before each update.
  for (const env of envs) {
    const names = [...new Set(env.members.values())];
    const riskyNames = new Set([...env.members].filter(([binding]) => tdzBindings.has(binding)).map(([, name]) => name));
    const fresh = t.objectExpression(
      names.map((n) => t.objectProperty(t.identifier(n), riskyNames.has(n) ? runtime.get("UNINITIALIZED") : undefinedValue(t))),
    );
    const create = t.expressionStatement(t.assignmentExpression("=", member(env.field), fresh));
    const scopePath = env.scopePath;
    if (scopePath.isForStatement()) {
      const copy = t.assignmentExpression(
        "=",
        member(env.field),
        t.objectExpression(names.map((n) => t.objectProperty(t.identifier(n), t.memberExpression(member(env.field), t.identifier(n))))),
      );
      const update = scopePath.node.update;
      scopePath.node.update = update ? t.sequenceExpression([copy, update]) : copy;
      scopePath.insertBefore(create);
    } else if (scopePath.isBlockStatement() || scopePath.isStaticBlock?.()) {
      (scopePath as NodePath<t.BlockStatement>).unshiftContainer("body", create);
    } else if (scopePath.isCatchClause()) {
      (scopePath.get("body") as NodePath<t.BlockStatement>).unshiftContainer("body", create);
    } else if (scopePath.isSwitchStatement()) {
      scopePath.insertBefore(create);
    } else {
      throw scopePath.buildCodeFrameError(`internal: per-iteration bindings in a ${scopePath.type}`);
    }
  }

  return { params, locals, sourceNames, usesThis, usesArguments, capturedFields, blockOfField };
}

/**
 * Throws for what a resumable generator cannot do: `super`, `with`, direct
 * `eval`, a private name it cannot reach, a yield in a class field's key,
 * in a `do` expression, in `import()` or on the right of `#x in`, a
 * TypeScript `enum` of its own, or a binding of an enclosing function
 * (which a restored generator could not get back).
 */
function refuseUnsupported(fn: NodePath<t.Function>, body: NodePath<t.BlockStatement>, t: Types): void {
  body.traverse({
    Super(path) {
      // `super` in a nested class's or object literal's own method belongs to that method, which stays as written.
      if (!enclosingNonArrowFunction(path, fn)) throw usesSuper(path);
    },
    PrivateName(path) {
      // Private names work in class methods (their frame class is made inside
      // the class); anywhere else they could only belong to a nested class.
      if (
        !fn.isClassMethod() &&
        !fn.isClassPrivateMethod() &&
        !path.findParent((p) => p.isClass() && p.findParent((q) => q === fn) !== null)
      ) {
        throw usesPrivateName(path);
      }
    },
    WithStatement(path) {
      throw usesWith(path);
    },
    ClassProperty(path) {
      const key = path.get("key") as NodePath;
      if (path.node.computed && containsYield(key)) throw yieldInClassFieldKey(path, suspensionIn(key));
    },
    // Regenerator's emitter cannot explode a do expression (a proposal, parsed with Babel's `doExpressions` plugin).
    DoExpression(path) {
      if (containsYield(path)) throw yieldInDoExpression(path, suspensionIn(path));
    },
    // TypeScript's plugin, which runs after us, turns an enum into code only at a
    // module's or a block's top, not among regenerator's cases; a nested function's own enum is fine.
    TSEnumDeclaration(path) {
      if (path.getFunctionParent()?.node === fn.node) throw enumInBody(path);
    },
    // A namespace is TypeScript's to compile too (its exported declarations become the namespace object's
    // properties, not frame fields), and TypeScript allows one only at a module's or a namespace's top.
    TSModuleDeclaration(path) {
      if (path.getFunctionParent()?.node === fn.node) throw namespaceInBody(path);
    },
    CallExpression(path) {
      const callee = path.node.callee;
      if (t.isIdentifier(callee, { name: "eval" }) && !path.scope.getBinding("eval")) throw usesDirectEval(path);
      // Babel 7's `import(x)`; regenerator would move the `import` callee into a temporary.
      if (callee.type === "Import" && containsYield(path)) throw yieldInImportCall(path, suspensionIn(path));
    },
    // Babel 8's `import(x)`, which regenerator's emitter does not know.
    ImportExpression(path: NodePath) {
      if (containsYield(path)) throw yieldInImportCall(path, suspensionIn(path));
    },
    BinaryExpression(path) {
      // Regenerator would move the left operand into a temporary, and `#x` alone is no value.
      if (path.node.left.type === "PrivateName" && containsYield(path)) throw yieldInPrivateIn(path, suspensionIn(path));
    },
    ReferencedIdentifier(path) {
      const name = (path.node as t.Identifier).name;
      if (!name) return;
      const binding = path.scope.getBinding(name);
      if (!binding) return;
      if (binding.scope.path.isProgram()) return;
      if (isWithin(binding.scope.path, fn)) return;
      if (binding.scope.path === fn) return;
      // A class method may use its own class's name: at module level that
      // name is also a module binding with the same value.
      if (binding.kind === "local" && binding.path.isClassDeclaration() && binding.path.parentPath?.isProgram()) return;
      if (binding.kind === "local" && binding.path.isClassDeclaration() && binding.path.parentPath?.isExportDeclaration()) return;
      throw capturesEnclosingFunction(path, name);
    },
  });
}

/**
 * False when `refuseUnsupported` cannot throw, from one walk of the plain
 * nodes (far cheaper than its traversal): nothing of the kinds it refuses,
 * and no scope between the generator and the module declares anything.
 */
function mayBeRefused(body: t.BlockStatement, fnScope: Scope, t: Types): boolean {
  for (let scope = fnScope.parent; scope && !scope.path.isProgram(); scope = scope.parent) {
    if (Object.keys(scope.bindings).length > 0) return true;
  }
  let found = false;
  t.traverseFast(body, (node) => {
    if (
      node.type === "Super" ||
      node.type === "PrivateName" ||
      node.type === "WithStatement" ||
      node.type === "DoExpression" ||
      node.type === "TSEnumDeclaration" ||
      node.type === "TSModuleDeclaration" ||
      (node.type === "ClassProperty" && node.computed) ||
      (node.type === "CallExpression" && (t.isIdentifier(node.callee, { name: "eval" }) || node.callee.type === "Import")) ||
      node.type === "ImportExpression" ||
      (node.type === "BinaryExpression" && node.left.type === "PrivateName")
    )
      found = true;
  });
  return found;
}

/** TypeScript's expressions whose operand is a value (the rest of a TS node is a type). */
const TS_VALUE_OPERANDS: Record<string, string> = {
  TSAsExpression: "expression",
  TSSatisfiesExpression: "expression",
  TSTypeAssertion: "expression",
  TSNonNullExpression: "expression",
  TSInstantiationExpression: "expression",
  TSParameterProperty: "parameter",
  TSEnumMember: "initializer",
  TSExportAssignment: "expression",
  TSImportEqualsDeclaration: "moduleReference",
};

/**
 * Whether an identifier names something in a type (`clone(): Box`,
 * `typeof x` in a type, `implements Named`): every identifier of a type is a
 * child of a TypeScript node, and types are erased, so they keep their names.
 */
function isInType(path: NodePath): boolean {
  const parent = path.parentPath;
  if (!parent || !parent.node.type.startsWith("TS")) return false;
  return TS_VALUE_OPERANDS[parent.node.type] !== path.key;
}

/**
 * Where a declaration stands in the source. One a lowering step rewrote
 * (`const [a] = [yield x]` becomes `const a = yield x`) is a new node
 * without a position, made of the source's nodes: it spans theirs. (Made of
 * new nodes only, it has none: the binding's own name stands for it.)
 */
function sourceSpan(node: t.Node, types: Types): { start: number; end: number } | undefined {
  if (node.start != null && node.end != null) return { start: node.start, end: node.end };
  let start = Infinity;
  let end = -Infinity;
  types.traverseFast(node, (inner) => {
    if (inner.start != null && inner.start < start) start = inner.start;
    if (inner.end != null && inner.end > end) end = inner.end;
  });
  return start <= end ? { start, end } : undefined;
}

/**
 * The binding an identifier refers to. Babel can give a pattern inside a
 * catch parameter a scope of its own that does not see the catch's
 * bindings, so look further up when the nearest scope does not know it.
 */
function bindingOf(path: NodePath, name: string): Binding | undefined {
  for (let p: NodePath | null = path; p; p = p.parentPath) {
    const binding = p.scope?.getBinding(name);
    if (binding) return binding;
  }
  return undefined;
}

function isWithin(path: NodePath, ancestor: NodePath): boolean {
  for (let p: NodePath | null = path.parentPath; p; p = p.parentPath) if (p === ancestor) return true;
  return false;
}

/** A statement label (`rows: for …`, `break rows`): its own namespace, whatever local shares its spelling. */
function isLabel(path: NodePath): boolean {
  const parent = path.parentPath!;
  return path.key === "label" && (parent.isLabeledStatement() || parent.isBreakStatement() || parent.isContinueStatement());
}

/** An identifier or member written by a destructuring or a for…in/of head. */
export function isPatternTarget(path: NodePath): boolean {
  const parent = path.parentPath!;
  return (
    parent.isArrayPattern() ||
    (parent.isObjectProperty() && path.key === "value" && parent.parentPath!.isObjectPattern()) ||
    (parent.isAssignmentPattern() && path.key === "left") ||
    parent.isRestElement() ||
    ((parent.isForInStatement() || parent.isForOfStatement()) && path.key === "left")
  );
}

function isAssignmentTarget(path: NodePath): boolean {
  // Identifiers in binding or assignment position (`x = 1`, `[x] = a`, `x++`, declarators).
  return path.isBindingIdentifier() || (path.parentPath?.isUpdateExpression() ?? false);
}

export function enclosingNonArrowFunction(path: NodePath, fn: NodePath): NodePath | null {
  for (let child: NodePath = path, p: NodePath | null = path.parentPath; p && p !== fn; child = p, p = p.parentPath) {
    // A computed key is evaluated by the code around the method or field, not by it.
    if (child.key === "key" && (p.node as { computed?: boolean }).computed) continue;
    if (p.isFunction() && !p.isArrowFunctionExpression()) return p;
    if (p.isClassProperty() || p.isClassPrivateProperty() || p.isStaticBlock?.()) return p;
  }
  return null;
}

function setNodeWithoutValidation(path: NodePath, node: t.Node): void {
  const container = path.container as unknown as Record<string | number, t.Node>;
  container[path.key as string | number] = node;
  path.node = node as never;
}

/**
 * A catch clause's parameter that is a plain name. The binding must be that
 * name itself: the lowering moves a clause's pattern into a declaration at the
 * top of its block (`catch (_caught) { let { a } = … }`, destructure-checks.ts)
 * by plain edits, so Babel's scope still has the pattern's names as the
 * clause's bindings, now beside a parameter that is a plain name.
 */
function isPlainCatchParameter(binding: Binding): boolean {
  return binding.path.isCatchClause() && (binding.path.node as t.CatchClause).param === binding.identifier;
}

function needsPerIterationBinding(binding: Binding, scope: Scope, fn: NodePath): boolean {
  if (binding.kind !== "let" && binding.kind !== "const") return false;
  if (!isCapturedByClosure(binding, fn)) return false;
  for (let p: NodePath | null = scope.path; p && p !== fn; p = p.parentPath) {
    if (LOOP_TYPES.has(p.type)) return true;
  }
  return false;
}

function hoistToBlockStart(block: NodePath, statement: t.Statement, t: Types): void {
  if (block.isBlockStatement() || block.isProgram()) {
    (block as NodePath<t.BlockStatement>).unshiftContainer("body", statement);
    return;
  }
  if (block.isSwitchCase()) {
    (block as NodePath<t.SwitchCase>).unshiftContainer("consequent", statement);
    return;
  }
  // A function declaration as the body of a label or `if` (sloppy-mode
  // leftovers): keep it in place as an assignment.
  block.replaceWith(t.blockStatement([statement]));
}

/**
 * What suspends inside `path`, for a refusal's message: "await" when every
 * yield there stands for an async generator's await (async-lower.ts).
 */
function suspensionIn(path: NodePath): "yield" | "await" {
  let keyword: "yield" | "await" = "await";
  const check = (node: t.Node) => {
    if (node.type === "YieldExpression" && !isAwaitYield(node)) keyword = "yield";
  };
  check(path.node);
  path.traverse({
    Function(inner) {
      inner.skip();
    },
    YieldExpression(inner) {
      check(inner.node);
    },
  });
  return keyword;
}
