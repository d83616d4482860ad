/**
 * Phase 4: the output for one generator. The body becomes the `_body`
 * method of a frame class at the top of the module, the class registers
 * itself with the runtime, and the original function (or method) keeps its
 * name and parameters but now returns a new frame:
 *
 *   function* count(n) { … }
 * becomes
 *   class count$Frame extends Frame { constructor(self, args, p0) {…} _body($F) {…} }
 *   defineResumable(count$Frame, { id, version, resumePoints, … });
 *   function count(n) { return new count$Frame(this, arguments, n); }
 */
import type { NodePath, types as t } from "@babel/core";
import { CALL_FIELDS, FRAME_FIELDS } from "../runtime/frame-layout.js";
import type { ExplodedBody } from "./explode.js";
import type { FrameFields } from "./locals.js";
import type { RuntimeImports } from "./runtime-imports.js";
import { storeInEach } from "./store-in-each.js";
import { undefinedValue } from "./undefined-value.js";
import { parameterRedeclaredByVar, patternAfterCapturingDefault } from "./unsupported.js";

export interface ResumePointSource {
  line: number;
  column: number;
  label: string | undefined;
}

export interface FrameDescription {
  id: string;
  version: string;
  name: string;
  /** `file:line:column` of the function, for messages. */
  location: string;
  /** The plugin's `moduleKey` option, when given. */
  moduleKey: string | undefined;
  fields: FrameFields;
  exploded: ExplodedBody;
  /** Fields that hold the iterator of a lowered for…of or for…in. */
  iterators: string[];
  /** Of those, the ones a `for await` holds. */
  asyncIterators: string[];
  /** Fields the lowering passes declared (compiler-locals.ts): refusals and engine messages name them by what they hold. */
  compilerLocals: string[];
  /** An `async function*`: the class extends AsyncFrame, and its awaits are listed. */
  async: boolean;
  /** A class method: its frame class is made inside the class, whose private names the body may use. */
  inClass: boolean;
  /**
   * A method of a class that may be evaluated more than once (made in a
   * function or a loop): each evaluation makes its own frame class. When the
   * body uses the class's `super` (`usesSuper`) or private names, a frame
   * works only as one of its own evaluation's class (boundToClassEvaluation).
   */
  classMayBeMadeAgain?: boolean;
  usesSuper?: boolean;
  /** Resume points in source order, each with its live fields. */
  resumePoints: Array<
    ResumePointSource & { resumeAt: number; within: number; delegate: boolean; resultTemp?: string; live: string[]; iterators: string[] }
  >;
}

function literal(t: typeof import("@babel/core").types, value: unknown): t.Expression {
  if (value === undefined) return undefinedValue(t);
  if (value === null) return t.nullLiteral();
  if (typeof value === "string") return t.stringLiteral(value);
  if (typeof value === "number") return t.numericLiteral(value);
  if (typeof value === "boolean") return t.booleanLiteral(value);
  if (Array.isArray(value)) return t.arrayExpression(value.map((v) => literal(t, v)));
  return t.objectExpression(
    Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => t.objectProperty(t.identifier(k), literal(t, v))),
  );
}

export function buildFrameClass(
  className: t.Identifier,
  frameName: string,
  description: FrameDescription,
  runtime: RuntimeImports,
  types: typeof import("@babel/core").types,
  template: TemplateApi,
): t.Statement[] {
  const t = types;
  const { fields, exploded } = description;
  const self = t.identifier("self");
  const args = t.identifier("args");
  const paramIds = fields.params.map((_, i) => t.identifier(`p${i}`));
  const assign = (field: string, value: t.Expression) =>
    t.expressionStatement(t.assignmentExpression("=", t.memberExpression(t.thisExpression(), t.identifier(field)), value));

  // Every field is created in this constructor, in a fixed order, so all
  // frames of one function share a hidden class and `_body` stays
  // monomorphic; the base class's fields too (frame-layout.ts says why).
  const privateNames = description.inClass ? privateNamesIn(exploded.dispatchLoop, t) : new Set<string>();
  const brand = description.inClass ? frameBrand(privateNames) : "frame";
  const paramFields = new Set(fields.params.map((p) => p.field));
  const constructorBody: t.Statement[] = [
    t.expressionStatement(t.callExpression(t.super(), [])),
    ...baseFieldStores(t),
    assign(CALL_FIELDS[0], self),
    assign(CALL_FIELDS[1], args),
    // An async frame's driver is its brand's value (buildAsyncRequestMethods).
    ...(description.async
      ? [
          t.expressionStatement(
            t.assignmentExpression(
              "=",
              t.memberExpression(t.thisExpression(), t.privateName(t.identifier(brand))),
              t.newExpression(runtime.get("AsyncDriver"), [
                t.thisExpression(),
                t.memberExpression(t.thisExpression(), t.identifier("_runNext")),
                t.memberExpression(t.thisExpression(), t.identifier("_awaitLocs")),
              ]),
            ),
          ),
        ]
      : []),
    ...fields.params.map((p, i) => assign(p.field, paramIds[i]!)),
    ...storeInEach(
      [...fields.locals.filter((f) => !paramFields.has(f)), ...exploded.temps].map((f) =>
        t.memberExpression(t.thisExpression(), t.identifier(f)),
      ),
      undefinedValue(t),
      t,
    ),
  ];

  const hasYieldStar = exploded.yields.some((y) => y.delegate);
  // An async generator's next() hands the request to its driver (which queues
  // requests and awaits: buildAsyncRequestMethods); the same fast path, as
  // `_runNext`, is what that driver calls to run the body on.
  const fastPath = description.async
    ? buildNextFastPath(t, runtime, template, "_runNext", false, brand)
    : buildNextFastPath(t, runtime, template, "next", hasYieldStar, brand);
  const classBody = t.classBody([
    t.classPrivateProperty(t.privateName(t.identifier(brand))),
    t.classMethod("constructor", t.identifier("constructor"), [self, args, ...paramIds], t.blockStatement(constructorBody)),
    fastPath,
    ...(description.async ? buildAsyncRequestMethods(t, template, brand) : []),
    t.classMethod("method", t.identifier("_body"), [t.identifier(frameName)], t.blockStatement([exploded.dispatchLoop])),
  ]);
  const classDeclaration = t.classDeclaration(className, runtime.get(description.async ? "AsyncFrame" : "Frame"), classBody);

  const localNames: Record<string, string> = {};
  for (const field of fields.locals) localNames[field] = fields.sourceNames.get(field) ?? field;
  if (fields.usesThis) localNames["_self"] = "this";
  if (fields.usesArguments) localNames["_args"] = "arguments";

  const metadata = literal(t, {
    id: description.id,
    version: description.version,
    name: description.name,
    location: description.location,
    module: description.moduleKey,
    locals: localNames,
    temps: exploded.temps,
    ...(Object.keys(exploded.tempSources).length > 0 ? { tempSources: exploded.tempSources } : {}),
    ...(Object.keys(exploded.methodTemps).length > 0 ? { methodTemps: exploded.methodTemps } : {}),
    ...(Object.keys(exploded.caughtTemps).length > 0 ? { caughtTemps: exploded.caughtTemps } : {}),
    params: fields.params.map((p) => p.field),
    iterators: description.iterators,
    ...(description.compilerLocals.length > 0 ? { compilerLocals: description.compilerLocals } : {}),
    tryLocs: exploded.tryLocs,
    finalLoc: exploded.finalLoc,
    locations: exploded.locations,
    resumePoints: description.resumePoints.map((rp) => ({
      resumeAt: rp.resumeAt,
      within: rp.within,
      line: rp.line,
      column: rp.column,
      label: rp.label,
      delegate: rp.delegate,
      resultTemp: rp.resultTemp,
      live: rp.live,
      iterators: rp.iterators,
    })),
    ...(description.async ? { async: true, awaits: exploded.awaits, asyncIterators: description.asyncIterators } : {}),
    ...(description.classMayBeMadeAgain && (description.usesSuper || privateNames.size > 0) ? { boundToClassEvaluation: true } : {}),
  });
  const registration = t.expressionStatement(t.callExpression(runtime.get("defineResumable"), [t.cloneNode(className), metadata]));
  return [classDeclaration, registration];
}

/**
 * The private name a class method's frame class brands its frames with:
 * `#frame`, unless the body uses that name already (the frame class sits
 * inside the method's class, so the body may use the class's private names).
 * Elsewhere a private name in the body belongs to a class nested in it,
 * which declares its own.
 */
function frameBrand(used: ReadonlySet<string>): string {
  let name = "frame";
  for (let n = 2; used.has(name); n++) name = `frame${n}`;
  return name;
}

/** The private names a method's body uses (its class's, or a class's nested in it). */
function privateNamesIn(body: t.Node, types: typeof import("@babel/core").types): Set<string> {
  const used = new Set<string>();
  types.traverseFast(body, (node) => {
    if (types.isPrivateName(node)) used.add(node.id.name);
  });
  return used;
}

/** FRAME_FIELDS as stores: a run of fields with the same initial value is one chain. */
function baseFieldStores(t: typeof import("@babel/core").types): t.Statement[] {
  const statements: t.Statement[] = [];
  for (let start = 0; start < FRAME_FIELDS.length;) {
    const initial = FRAME_FIELDS[start]![1];
    let end = start + 1;
    while (end < FRAME_FIELDS.length && FRAME_FIELDS[end]![1] === initial) end++;
    const targets = FRAME_FIELDS.slice(start, end).map(([field]) => t.memberExpression(t.thisExpression(), t.identifier(field)));
    const value = initial === undefined ? undefinedValue(t) : initial === null ? t.nullLiteral() : t.numericLiteral(initial);
    statements.push(...storeInEach(targets, value, t));
    start = end;
  }
  return statements;
}

/** The end of the fast path: the body stopped at a yield, or finished. */
const fastPathEpilogue = `if (this._status === 3) return { value: result, done: true };
    this._status = 1;
    return { value: result, done: false };`;

/**
 * Each class's own `next()` (for an async generator, `_runNext`, called by
 * AsyncFrame's driver with the value a request or an await resumes it with):
 * the common steps without leaving the class.
 * Because the method belongs to one class, its property accesses and its
 * calls (to `_body`, and to a `yield*` delegate's `next`) stay monomorphic
 * however many generator types a program runs. It handles the first call,
 * a plain yield, a `yield*` that starts or whose delegate yields, and the
 * body's own jumps through finally blocks; everything else (throw/return, a
 * delegate that finishes or misbehaves, an exception) goes to the shared
 * driver in runtime/frame.ts, which implements the same semantics in full.
 *
 * The `yield*` step is written only into classes whose function has a
 * `yield*`: no other frame ever gets a delegate (restore refuses one at a
 * resume point that is not a `yield*`), and without it the method is half
 * the size, which the rest of the build walks and prints once per generator.
 */
function nextFastPathSource(name: FastPathName, delegates: boolean): string {
  // Suspended at the start or at a yield: the common steps; anything else goes to the shared driver.
  // The private name is the class's brand: it cannot be forged, and a proxy
  // of a frame or an object inheriting from one lacks it (nothing of theirs
  // runs to find out). \`in\` throws for a primitive receiver, which the
  // catch turns into "not branded": a typeof test instead cost 3–5% per
  // step (bench/experiments/stepping-versions.js), the try nothing
  // measurable. Anything else goes to Frame's next, which takes a frame of
  // another class and refuses the rest. An async class checks its receiver
  // in its own next/throw/return (buildAsyncRequestMethods), before the
  // driver calls `_runNext`.
  const prologue =
    name === "next"
      ? `
    let branded = false;
    try {
      branded = #frame in this;
    } catch {}
    if (!branded || this._status > 1) return super.next(value);
    this._status = 2;`
      : `
    if (this._status > 1) return this._resume(0, value);
    this._status = 2;`;
  if (!delegates) {
    return `
class FastPath {
  #frame;
  ${name}(value) {${prologue}
    this._sent = value;
    let result;
    for (;;) {
      try {
        result = this._body(this);
      } catch (error) {
        return this._fail(error);
      }
      if (result !== CONTINUE) break;
      if (this._method !== 0) return this._run();
    }
    ${fastPathEpilogue}
  }
}`;
  }
  // With a `yield*`: a delegate being resumed gets the value; one the body just
  // started (`_delegateYield` returned CONTINUE) gets undefined, in the same
  // loop, so that a chain of generators starting each other (a recursive
  // `yield*`) costs one call per level, as resuming it does.
  return `
class FastPath {
  #frame;
  ${name}(value) {${prologue}
    let result;
    for (let started = false; ; started = true) {
      if (this._delegate !== null) {
        let step;
        // Reading done runs a getter the result may have: what it throws goes to the body too.
        try {
          step = this._delegate.next(started ? void 0 : value);
          // typeof, not Object(step) === step: the module may bind its own Object.
          if (((typeof step === "object" && step !== null) || typeof step === "function") && !step.done) {
            this._status = 1;
            return step;
          }
        } catch (error) {
          this._delegate = null;
          return this._fail(error);
        }
        return this._delegateFinished(step);
      }
      if (!started) this._sent = value;
      try {
        result = this._body(this);
      } catch (error) {
        return this._fail(error);
      }
      if (result !== CONTINUE) break;
      if (this._method !== 0) return this._run();
    }
    ${fastPathEpilogue}
  }
}`;
}

/**
 * An async class's own next/throw/return, and the `_driver` the runtime's
 * shared code reads. The brand holds the frame's driver (one slot for both:
 * a suspended async generator takes twice a native one's heap, the target's
 * limit). Reading it is the brand test: it throws for anything without it,
 * which then goes to AsyncFrame's methods, which take an async frame of
 * another class and reject the rest. Read from frames of one class, it is a
 * monomorphic load (AsyncFrame's shared methods made it megamorphic). The
 * codes are async-driver.ts's NEXT, THROW and RETURN.
 */
const ASYNC_REQUESTS = [
  ["next", 0, "value"],
  ["throw", 1, "error"],
  ["return", 2, "value"],
] as const;
const asyncRequestSource = `
class AsyncRequests {
  #frame;${ASYNC_REQUESTS.map(
    ([method, code, arg]) => `
  ${method}(${arg}) {
    let driver;
    try {
      driver = this.#frame;
    } catch {}
    return driver !== void 0 ? driver.request(${code}, ${arg}) : super.${method}(${arg});
  }`,
  ).join("")}
  get _driver() {
    return #frame in this ? this.#frame : void 0;
  }
}`;

function buildAsyncRequestMethods(types: typeof import("@babel/core").types, template: TemplateApi, brand: string): t.ClassMethod[] {
  return templateMethods(types, template, "async requests", () => asyncRequestSource, brand);
}

type FastPathName = "next" | "_runNext";

function buildNextFastPath(
  types: typeof import("@babel/core").types,
  runtime: RuntimeImports,
  template: TemplateApi,
  name: FastPathName,
  delegates: boolean,
  /** The private name that brands the class's frames (frameBrand). */
  brand: string,
): t.ClassMethod {
  const source = () => nextFastPathSource(name, delegates);
  return templateMethods(types, template, `${name} ${delegates}`, source, brand, runtime.get("CONTINUE").name)[0]!;
}

/** The methods of a class template, by Babel instance and form (brand and names included); each class gets deep copies. */
const parsedTemplates = new WeakMap<TemplateApi, Map<string, t.ClassMethod[]>>();

/**
 * The methods of the class `source()` writes, parsed once per Babel
 * instance and form, with its `#frame` renamed to the class's brand and
 * `CONTINUE` to the module's name for the runtime's (when it uses it): the
 * names are part of the form, so a class gets copies without a walk.
 */
function templateMethods(
  types: typeof import("@babel/core").types,
  template: TemplateApi,
  form: string,
  source: () => string,
  brand: string,
  continueName?: string,
): t.ClassMethod[] {
  let forms = parsedTemplates.get(template);
  if (!forms) parsedTemplates.set(template, (forms = new Map()));
  const key = `${form} ${brand} ${continueName ?? ""}`;
  let parsed = forms.get(key);
  if (!parsed) {
    const members = (template.statement.ast(source()) as t.ClassDeclaration).body.body;
    parsed = members.filter((member): member is t.ClassMethod => member.type === "ClassMethod");
    for (const method of parsed) {
      types.traverseFast(method, (node) => {
        if (continueName !== undefined && types.isIdentifier(node) && node.name === "CONTINUE") node.name = continueName;
        else if (types.isPrivateName(node)) node.id.name = brand;
      });
    }
    forms.set(key, parsed);
  }
  return parsed.map((method) => types.cloneNode(method, true));
}

export type TemplateApi = { statement: { ast: (code: string) => t.Statement } };

/** The original function's new body: `return new X$Frame(this, arguments, a, b)`. */
export function replaceWithFrameConstructor(
  fn: NodePath<t.Function>,
  className: t.Identifier,
  fields: FrameFields,
  types: typeof import("@babel/core").types,
  /** Whether a parameter default makes a closure over a parameter (defaultsCaptureParameters). */
  defaultsCapture: boolean,
): void {
  const t = types;
  const call = t.newExpression(t.cloneNode(className), [
    fields.usesThis ? t.thisExpression() : undefinedValue(t),
    fields.usesArguments ? t.identifier("arguments") : undefinedValue(t),
    ...fields.params.map((p) => t.identifier(p.local)),
  ]);
  const node = fn.node as t.Function & { id?: t.Identifier | null };
  node.generator = false;
  node.async = false;
  const directives = t.isBlockStatement(node.body) ? node.body.directives : [];
  const defaults = defaultsCapture ? defaultsEvaluatedAgainstFrame(fn, fields, t) : null;
  const statements: t.Statement[] = [];
  if (defaults) {
    // Defaults whose closures see the parameters are evaluated against the
    // frame, so those closures and the body share one binding per parameter.
    const frame = fn.scope.generateUidIdentifier("frame");
    statements.push(t.variableDeclaration("const", [t.variableDeclarator(frame, call)]));
    for (const { field, value } of defaults.evaluate(frame)) {
      const target = t.memberExpression(t.cloneNode(frame), t.identifier(field));
      statements.push(
        t.ifStatement(
          t.binaryExpression("===", target, undefinedValue(t)),
          t.expressionStatement(t.assignmentExpression("=", t.cloneNode(target), value)),
        ),
      );
    }
    statements.push(t.returnStatement(t.cloneNode(frame)));
  } else {
    statements.push(t.returnStatement(call));
  }
  const isPlainFunction = fn.isFunctionDeclaration() || fn.isFunctionExpression();
  if (isPlainFunction) {
    // A generator function cannot be called with `new`; a plain function can.
    const name = node.id?.name ?? "generator function";
    statements.unshift(
      t.ifStatement(
        t.binaryExpression("!==", t.metaProperty(t.identifier("new"), t.identifier("target")), undefinedValue(t)),
        t.throwStatement(t.newExpression(t.identifier("TypeError"), [t.stringLiteral(`${name} is not a constructor`)])),
      ),
    );
  }
  node.body = t.blockStatement(statements, directives);
}

/**
 * Native parameters share one binding with the body: a closure created by
 * a default (`read = () => n`) sees the body's later assignments to `n`. Our
 * body reads frame fields, so when a default creates a closure that uses a
 * parameter, the plain defaults move into the function body, rewritten to
 * read and write the frame, and the parameter list keeps `= void 0` in their
 * place (same `length`, same call-time evaluation, same order). Whether they
 * do so for `fn`; called before any phase changes the function, since it
 * also refuses what moving them cannot keep: a destructuring parameter after
 * a moved default (it would be evaluated first, seeing the default not yet
 * made), and a body `var` that redeclares a captured parameter (natively a
 * second variable once parameters have defaults, whose writes the closure
 * does not see; here it would be the parameter's field).
 */
export function defaultsCaptureParameters(fn: NodePath<t.Function>): boolean {
  const captured = parametersCapturedByDefaults(fn);
  if (captured.size === 0) return false;
  const params = fn.get("params") as NodePath[];
  const firstMoved = params.findIndex((param) => param.isAssignmentPattern() && param.get("left").isIdentifier());
  for (const param of params.slice(firstMoved + 1)) {
    const target = param.isAssignmentPattern() ? param.get("left") : param.isRestElement() ? param.get("argument") : param;
    if (!Array.isArray(target) && (target.isObjectPattern() || target.isArrayPattern())) throw patternAfterCapturingDefault(param);
  }
  for (const name of captured) {
    const redeclared = fn.scope
      .getBinding(name)
      ?.constantViolations.find((path) => path.isVariableDeclarator() && path.getFunctionParent() === fn);
    if (redeclared) throw parameterRedeclaredByVar(redeclared, name);
  }
  return true;
}

/** The parameters that closures made by parameter defaults read or write. */
function parametersCapturedByDefaults(fn: NodePath<t.Function>): Set<string> {
  const captured = new Set<string>();
  for (const param of fn.get("params") as NodePath[]) {
    if (!param.isAssignmentPattern()) continue;
    // Identifiers inside a closure (not evaluated now) that read or write a parameter.
    param.get("right").traverse({
      Identifier(inner) {
        if (inner.getFunctionParent() !== fn && usesParameterOf(inner, fn)) captured.add(inner.node.name);
      },
    });
  }
  return captured;
}

/** Whether `inner` reads (`n`) or writes (`n = v`, `[n] = a`, `n++`) a parameter of `fn`. */
function usesParameterOf(inner: NodePath<t.Identifier>, fn: NodePath<t.Function>): boolean {
  const binding = inner.scope.getBinding(inner.node.name);
  if (binding?.kind !== "param" || binding.scope !== fn.scope) return false;
  const path: NodePath = inner;
  return path.isReferencedIdentifier() || path.isBindingIdentifier() || (path.parentPath?.isUpdateExpression() ?? false);
}

function defaultsEvaluatedAgainstFrame(
  fn: NodePath<t.Function>,
  fields: FrameFields,
  types: typeof import("@babel/core").types,
): { evaluate: (frame: t.Identifier) => Array<{ field: string; value: t.Expression }> } {
  const t = types;
  const params = fn.get("params") as NodePath[];
  const fieldOfParam = new Map(fields.params.map((p) => [p.local, p.field]));
  const moved: Array<{ field: string; right: NodePath<t.Expression> }> = [];
  for (const param of params) {
    if (!param.isAssignmentPattern() || !t.isIdentifier(param.node.left)) continue;
    const field = fieldOfParam.get(param.node.left.name);
    if (field) moved.push({ field, right: param.get("right") as NodePath<t.Expression> });
  }
  return {
    evaluate(frame) {
      return moved.map(({ field, right }) => {
        right.traverse({
          Identifier(inner) {
            if (!usesParameterOf(inner, fn)) return;
            const target = fieldOfParam.get(inner.node.name);
            if (!target) return;
            // `({ n } = o)`: the property keeps its key when its value becomes the field.
            const property = inner.parentPath;
            if (property?.isObjectProperty() && property.node.shorthand && property.node.value === inner.node)
              property.node.shorthand = false;
            inner.replaceWith(t.memberExpression(t.cloneNode(frame), t.identifier(target)));
          },
        });
        const value = right.node;
        right.replaceWith(t.unaryExpression("void", t.numericLiteral(0), true));
        return { field, value };
      });
    },
  };
}

/** The `markObjectMethods(literal, [...])` call around each object literal with marked methods. */
const objectMarkings = new WeakMap<t.ObjectExpression, t.CallExpression>();

/**
 * `{ *walk() {} }` becomes `markObjectMethods({ walk() {…} }, [["walk",
 * Frame]])`: one call per literal, made when the literal is, that lists its
 * annotated methods. A method is left unmarked (as natively a generator, but
 * not to reflection, and not savable as a value) when its key is computed,
 * other than a well-known symbol, or when a later property of the literal
 * could replace it (one with the same key, a computed one, a spread).
 */
function markObjectMethod(
  method: NodePath<t.ObjectMethod>,
  className: t.Identifier,
  types: typeof import("@babel/core").types,
  runtime: RuntimeImports,
  isAsync: boolean,
): void {
  const t = types;
  const key = markedKey(method.node, method, t);
  if (key === undefined) return;
  const object = method.parent as t.ObjectExpression;
  const later = object.properties.slice(object.properties.indexOf(method.node) + 1);
  const ownKey = keyText(method.node, method, t);
  const mayReplace = (property: (typeof later)[number]) => {
    if (property.type === "SpreadElement") return true;
    const text = keyText(property, method, t);
    return text === undefined || text === ownKey;
  };
  if (later.some(mayReplace)) return;
  const entry = t.arrayExpression([key, t.cloneNode(className), ...(isAsync ? [t.booleanLiteral(true)] : [])]);
  const existing = objectMarkings.get(object);
  if (existing) {
    (existing.arguments[1] as t.ArrayExpression).elements.push(entry);
    return;
  }
  const call = t.callExpression(runtime.get("markObjectMethods"), [object, t.arrayExpression([entry])]);
  objectMarkings.set(object, call);
  // In place in the parent node: the literal's path, and its methods' paths, stay as they are.
  const objectPath = method.parentPath;
  const container = objectPath.container as t.Node | t.Node[];
  if (Array.isArray(container)) container[objectPath.key as number] = call;
  else (objectPath.parent as unknown as Record<string, t.Node>)[objectPath.key as string] = call;
}

/** The key of a marked method as the runtime call reads it: a string, or a well-known symbol. */
function markedKey(node: t.ObjectMethod, method: NodePath, t: typeof import("@babel/core").types): t.Expression | undefined {
  const key = node.key;
  if (node.computed) return isWellKnownSymbol(key, method, t) ? t.cloneNode(key as t.Expression) : undefined;
  const name = staticKeyName(key);
  return name === undefined ? undefined : t.stringLiteral(name);
}

/** `[Symbol.iterator]` and the other well-known symbols, with the global `Symbol`: reading the key again has no effect. */
function isWellKnownSymbol(key: t.Node, method: NodePath, t: typeof import("@babel/core").types): boolean {
  return (
    t.isMemberExpression(key) &&
    t.isIdentifier(key.object, { name: "Symbol" }) &&
    t.isIdentifier(key.property) &&
    !key.computed &&
    !method.scope.hasBinding("Symbol", { noGlobals: true })
  );
}

/** A property's key as text to compare ("name", or "Symbol.iterator"); undefined for a computed key that could be anything. */
function keyText(property: t.ObjectMethod | t.ObjectProperty, method: NodePath, t: typeof import("@babel/core").types): string | undefined {
  if (!property.computed) return staticKeyName(property.key);
  const key = property.key;
  return isWellKnownSymbol(key, method, t) ? `Symbol.${((key as t.MemberExpression).property as t.Identifier).name}` : undefined;
}

/** A non-computed key's property name. */
function staticKeyName(key: t.Node): string | undefined {
  if (key.type === "Identifier") return key.name;
  if (key.type === "StringLiteral") return key.value;
  if (key.type === "NumericLiteral") return String(key.value);
  if (key.type === "BigIntLiteral") return key.value;
  return undefined;
}

/** `markGeneratorFunction(target, Class[, name])`, or the async one: the runtime call every marking emits. */
export function markCall(
  target: t.Expression,
  className: t.Identifier,
  isAsync: boolean,
  types: typeof import("@babel/core").types,
  runtime: RuntimeImports,
  inferredName?: string,
): t.CallExpression {
  const t = types;
  return t.callExpression(runtime.get(isAsync ? "markAsyncGeneratorFunction" : "markGeneratorFunction"), [
    target,
    t.cloneNode(className),
    ...(inferredName === undefined ? [] : [t.stringLiteral(inferredName)]),
  ]);
}

/**
 * The function becomes a GeneratorFunction to reflection: its prototype
 * chain, toString tag and `prototype` (the frames' own prototype). A
 * declaration is marked by a statement at the top of the module (returned);
 * an expression is wrapped in place, keeping the name it would have inferred;
 * an object literal's method, by a call around the literal.
 */
export function markAsGeneratorFunction(
  fn: NodePath<t.Function>,
  className: t.Identifier,
  inferredName: string | null,
  types: typeof import("@babel/core").types,
  runtime: RuntimeImports,
  /** An `async function*`: an AsyncGeneratorFunction to reflection. */
  isAsync = false,
): t.Statement | null {
  const t = types;
  const node = fn.node as t.Function & { id?: t.Identifier | null };
  const mark = (target: t.Expression) =>
    markCall(target, className, isAsync, t, runtime, node.id || !inferredName ? undefined : inferredName);
  if (fn.isFunctionDeclaration() && node.id) {
    const statement = t.expressionStatement(mark(t.cloneNode(node.id)));
    const declaration = fn.parentPath.isExportDeclaration() ? fn.parentPath : fn;
    if (declaration.parentPath!.isProgram()) return statement; // the caller puts it at the top of the module
    // A declaration in a function or block exists only there: marked at the
    // top of that block, where it is already hoisted, so before any call.
    const parent = declaration.parentPath!;
    if (parent.isBlockStatement() || parent.isStaticBlock()) parent.node.body.unshift(statement);
    else if (parent.isSwitchCase()) parent.node.consequent.unshift(statement);
    else declaration.insertAfter(statement);
    return null;
  }
  if (fn.isObjectMethod()) {
    markObjectMethod(fn, className, t, runtime, isAsync);
    return null;
  }
  if (fn.isFunctionDeclaration() || fn.isFunctionExpression()) {
    // `export default function* () {}` has no name to refer to: it becomes an expression.
    const expression = t.functionExpression(
      node.id ?? null,
      node.params as t.FunctionExpression["params"],
      node.body as t.BlockStatement,
      false,
      false,
    );
    fn.replaceWith(mark(expression));
    fn.skip();
  }
  return null;
}

/**
 * The statement that marks a class's generator method, for the static block
 * that makes its frame class (`this` is the class there): the method is read
 * from the prototype (or the class, if static) by its key. A computed key
 * other than a well-known symbol is not evaluated twice, and an instance
 * private method cannot be read without an instance: those stay unmarked
 * (returns null).
 */
export function classMethodMarking(
  method: NodePath<t.ClassMethod | t.ClassPrivateMethod>,
  className: t.Identifier,
  types: typeof import("@babel/core").types,
  runtime: RuntimeImports,
  /** An `async *method()`: marked as an AsyncGeneratorFunction. */
  isAsync = false,
): t.Statement | null {
  const t = types;
  const { key, computed, static: isStatic } = method.node as t.ClassMethod;
  const owner = isStatic ? t.thisExpression() : t.memberExpression(t.thisExpression(), t.identifier("prototype"));
  let target: t.Expression;
  if (t.isPrivateName(key)) {
    if (!isStatic) return null;
    target = t.memberExpression(owner, t.cloneNode(key));
  } else if (computed) {
    if (!isWellKnownSymbol(key, method, t)) return null;
    target = t.memberExpression(owner, t.cloneNode(key), true);
  } else if (t.isIdentifier(key)) {
    target = t.memberExpression(owner, t.identifier(key.name));
  } else if (t.isStringLiteral(key) || t.isNumericLiteral(key)) {
    target = t.memberExpression(owner, t.cloneNode(key), true);
  } else {
    return null;
  }
  return t.expressionStatement(markCall(target, className, isAsync, t, runtime));
}
