/**
 * resumable-generators/babel-plugin
 *
 * Compiles each generator marked `/* @resumable *\/` into a frame class whose
 * fields hold the generator's whole state, so the runtime can snapshot and
 * restore it. The phases, one file each:
 *   annotations.ts  find the marked functions (and refuse misplaced marks)
 *   lower.ts        rewrite for…of, for…in and yield-bearing syntax regenerator cannot explode
 *   locals.ts       bindings, `this`, `arguments` → frame fields
 *   liveness.ts     which fields are live at each yield
 *   explode.ts      regenerator's emitter: the body becomes a switch over resume locations
 *   frame-class.ts  the class, its registration, and the function that creates it
 * Everything outside the marked functions is left exactly as written.
 */
import type { NodePath, PluginObj, PluginPass, types as t } from "@babel/core";
import { declare } from "@babel/helper-plugin-utils";
import { lowerAsyncGeneratorBody } from "./async-lower.js";
import { findAnnotatedFunctions, mentionsResumable, resumeLabelOf, type AnnotatedFunction } from "./annotations.js";
import { codeVersion } from "./code-version.js";
import { layoutVersion } from "./layout-version.js";
import { compilerLocals } from "./compiler-locals.js";
import { clearAtSuspension, explodeBody } from "./explode.js";
import {
  buildFrameClass,
  defaultsCaptureParameters,
  classMethodMarking,
  markAsGeneratorFunction,
  markCall,
  replaceWithFrameConstructor,
  type FrameDescription,
  type TemplateApi,
} from "./frame-class.js";
import { fileIdPart, FunctionIdNamer, ownName } from "./function-id.js";
import { clearBeforeLoops, insertClearsBeforeLoops } from "./clears.js";
import { liveFieldsAtYields, type EnclosingLoop } from "./liveness.js";
import { fieldsToFrame } from "./locals.js";
import { childNodes } from "./child-nodes.js";
import { createLoweringPasses, lowerGeneratorBody } from "./lower.js";
import { isModuleConstant } from "./module-constants.js";
import { RuntimeImports } from "./runtime-imports.js";
import { rewriteSuperAccess } from "./super-access.js";
import { duplicateId, duplicateResumeLabel, invalidOption, type CodeFrameSource } from "./unsupported.js";

export interface PluginOptions {
  /** The module compiled code imports the runtime from. Default: "resumable-generators". */
  runtimeModule?: string;
  /**
   * What tells this file apart from every other module of the process (the
   * register hook passes the file's absolute path). With it, the runtime
   * refuses two files whose functions got one id, where without it two files
   * with the same path under their roots (two packages of a monorepo) look
   * like one file loaded again. Left out of builds, whose output must not
   * depend on where they ran.
   */
  moduleKey?: string;
}

interface YieldInfo {
  ordinal: number;
  line: number;
  column: number;
  label: string | undefined;
  node: t.YieldExpression;
}

function validateOptions(options: unknown): { runtimeModule: string; moduleKey: string | undefined } {
  const opts = (options ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(opts)) {
    if (key !== "runtimeModule" && key !== "moduleKey") throw invalidOption(key, "one of: runtimeModule, moduleKey (unknown option)");
  }
  for (const key of ["runtimeModule", "moduleKey"]) {
    if (opts[key] !== undefined && (typeof opts[key] !== "string" || opts[key] === "")) throw invalidOption(key, "a non-empty string");
  }
  return {
    runtimeModule: (opts.runtimeModule as string | undefined) ?? "resumable-generators",
    moduleKey: opts.moduleKey as string | undefined,
  };
}

/**
 * The scope that is entered anew each time `classPath` is evaluated, for a
 * class that may be evaluated more than once: the body of the nearest
 * function (a factory, a mixin) or loop around it. Null for a class a
 * module evaluates once.
 */
function placeEvaluatedWithClass(classPath: NodePath): NodePath["scope"] | null {
  for (let path = classPath.parentPath; path; path = path.parentPath) {
    if (path.isProgram()) return null;
    if (path.isFunction()) return path.scope;
    if (path.isLoop() && classPath.isDescendant(path.get("body") as NodePath)) {
      const loop: NodePath<t.Loop> = path;
      loop.ensureBlock();
      return (loop.get("body") as NodePath).scope;
    }
  }
  return null;
}

/**
 * The frame class's own code (its constructor, `next`, the request methods)
 * has no place in the source: given none, a source map sends a stack frame
 * in it to whatever code came before it in the output (another function's
 * signature). It is mapped to the generator's own first line instead;
 * `_body` keeps the source's positions, and its own code is left as it is.
 */
function mapToFunction(frameClass: t.ClassDeclaration, loc: t.SourceLocation | null | undefined, types: typeof t): void {
  if (!loc) return;
  for (const member of frameClass.body.body) {
    if (member.type === "ClassMethod" && types.isIdentifier(member.key, { name: "_body" })) continue;
    types.traverseFast(member, (node) => {
      node.loc ??= { start: loc.start, end: loc.start, filename: loc.filename, identifierName: undefined };
    });
  }
}

/**
 * The yields of a function in source order: their ordinal is the resume
 * point's stable number. A walk of the plain nodes, with the ancestors of
 * each on a stack for the labels (no traversal: it would make a path per node).
 */
function collectYields(fn: NodePath<t.Function>, types: typeof t): YieldInfo[] {
  const found: Array<{ node: t.YieldExpression; label: string | undefined }> = [];
  const ancestors: t.Node[] = [];
  function labelOf(node: t.YieldExpression): string | undefined {
    let label = resumeLabelOf(node.leadingComments);
    // A label written before the statement that starts with the yield.
    for (let i = ancestors.length - 1; !label && i >= 0 && ancestors[i]!.start === node.start; i--) {
      label = resumeLabelOf(ancestors[i]!.leadingComments);
      if (types.isStatement(ancestors[i])) break;
    }
    const parent = ancestors[ancestors.length - 1];
    if (!label && parent?.type === "ExpressionStatement") label = resumeLabelOf(parent.leadingComments);
    return label;
  }
  function visit(node: t.Node): void {
    if (node.type === "YieldExpression") found.push({ node, label: labelOf(node) });
    ancestors.push(node);
    if (types.isFunction(node)) {
      // A nested function's yields are its own; a method's computed key is evaluated here.
      const method = node as t.Function & { computed?: boolean; key?: t.Node };
      if (method.computed && method.key) visit(method.key);
    } else {
      for (const child of childNodes(node, types)) visit(child);
    }
    ancestors.pop();
  }
  const body = fn.node.body;
  ancestors.push(body);
  for (const child of childNodes(body, types)) visit(child);
  found.sort((a, b) => (a.node.start ?? 0) - (b.node.start ?? 0));
  return found.map(({ node, label }, ordinal) => ({
    ordinal,
    line: node.loc?.start.line ?? 0,
    column: node.loc?.start.column ?? 0,
    label,
    node,
  }));
}

function depth(path: NodePath): number {
  let d = 0;
  for (let p = path.parentPath; p; p = p.parentPath) d++;
  return d;
}

export default declare((api, options: PluginOptions) => {
  api.assertVersion("^7.24.0 || ^8.0.0-0");
  const t = api.types;
  const { runtimeModule, moduleKey } = validateOptions(options);
  const loweringPasses = createLoweringPasses(api, t);

  return {
    name: "resumable-generators",
    visitor: {
      Program(program: NodePath<t.Program>, pass: PluginPass) {
        const code = pass.file.code ?? "";
        // The common case costs one substring search.
        if (!mentionsResumable(code)) return;
        // Annotations are comments found on the nodes they precede: without them attached, every one would look stray.
        if ((pass.file.opts.parserOpts as { attachComment?: boolean } | undefined)?.attachComment === false) {
          throw new Error(
            "resumable-generators/babel-plugin: this file has @resumable annotations, but parserOpts.attachComment is false, " +
              "so Babel attaches no comment to the code they annotate; remove that option for files with annotations",
          );
        }

        const annotated = findAnnotatedFunctions(program);
        if (annotated.length === 0) return;

        const root = (pass.file.opts as { root?: string }).root ?? process.cwd();
        const filePart = fileIdPart(pass.file.opts.filename, root);
        const namer = new FunctionIdNamer(code);
        const runtime = new RuntimeImports(program, runtimeModule, t);

        // Ids, versions and resume points come from the code as written,
        // before any phase changes it.
        const prepared = annotated.map((entry: AnnotatedFunction) => {
          const qualified = namer.qualifiedName(entry.path);
          const start = entry.path.node.loc?.start;
          return {
            entry,
            id: entry.explicitId ?? `${filePart}#${qualified}`,
            name: qualified.split(".").pop() ?? qualified,
            version: codeVersion(entry.path.node),
            location: `${filePart}:${start?.line ?? 0}:${(start?.column ?? 0) + 1}`,
            line: start?.line,
            yields: collectYields(entry.path, t),
            sourceText: code.slice(entry.path.node.start ?? 0, entry.path.node.end ?? code.length),
          };
        });

        const seen = new Map<string, number | undefined>();
        for (const item of prepared) {
          if (seen.has(item.id)) throw duplicateId(item.entry.path, item.id, seen.get(item.id));
          seen.set(item.id, item.line);
          // A migration names a resume point by its label: two with one label would be one place to it.
          const labelled = new Map<string, number>();
          for (const y of item.yields) {
            if (y.label === undefined) continue;
            const first = labelled.get(y.label);
            if (first !== undefined) throw duplicateResumeLabel(pass.file as unknown as CodeFrameSource, y.node, y.label, first);
            labelled.set(y.label, y.line);
          }
        }

        // Innermost first, so an outer generator sees inner ones already compiled.
        prepared.sort((a, b) => depth(b.entry.path) - depth(a.entry.path));
        const emitted: t.Statement[] = [];
        for (const item of prepared) {
          const fn = item.entry.path;
          const frameName = program.scope.generateUid("frame");
          const body = fn.get("body") as NodePath<t.BlockStatement>;
          // Before any phase changes the function (its refusals read the parameters' bindings).
          const defaultsCapture = defaultsCaptureParameters(fn);

          // A named function expression may call itself by name; the body
          // moves to module level, so it calls a module-level twin instead.
          let selfReference: t.Identifier | null = null;
          if (fn.isFunctionExpression() && fn.node.id) {
            const binding = fn.scope.getBinding(fn.node.id.name);
            if (binding && binding.kind === "local" && binding.referencePaths.length > 0) {
              selfReference = program.scope.generateUidIdentifier(fn.node.id.name);
              for (const reference of binding.referencePaths) reference.replaceWith(t.cloneNode(selfReference));
            }
          }

          // `super.x` in a class method looks up the home object this names (made in the static block below).
          const isClassMethod = fn.isClassMethod() || fn.isClassPrivateMethod();
          const home = isClassMethod ? rewriteSuperAccess(fn, () => program.scope.generateUidIdentifier("home"), t, runtime) : undefined;

          const iteratorNames = new Set<string>();
          const asyncIteratorNames = new Set<string>();
          const iteratorsAroundYield = new Map<string, string[]>();
          const isAsync = fn.node.async === true;
          const moduleStatements: t.Statement[] = [];
          const lowerContext = {
            types: t,
            passes: loweringPasses,
            pass,
            runtime,
            iteratorNames,
            asyncIteratorNames,
            iteratorsAroundYield,
            moduleStatements,
          };
          // An async generator's awaits become yields first, so every later step treats them alike.
          if (isAsync) lowerAsyncGeneratorBody(body, lowerContext);
          lowerGeneratorBody(body, lowerContext);
          emitted.push(...moduleStatements);
          const fields = fieldsToFrame(fn, frameName, t, runtime);
          // Closures made by parameter defaults read the parameters' fields
          // at any time: never clear those early.
          if (defaultsCapture) for (const param of fields.params) fields.capturedFields.add(param.field);
          const sites = liveFieldsAtYields(body.node, frameName, t, fields.blockOfField, fields.capturedFields);
          const isState = (f: string) => f.startsWith("$") || f === "_self" || f === "_args";
          // The fields dead at each yield: cleared before a loop around it that never touches them, else at the yield.
          // A field dead at an earlier yield that always runs first, and untouched since, is still clear:
          // clearing it again at every later yield made a body of n such yields n² clears long.
          const beforeLoops = new Map<EnclosingLoop, Set<string>>();
          const clearedAtYield = new Map<string, string[]>();
          const deadAt: Array<Set<string>> = [];
          for (const [index, site] of sites.entries()) {
            const dead = [...site.usedBefore].filter((f) => isState(f) && !fields.capturedFields.has(f) && !site.liveFields.has(f));
            deadAt[index] = new Set(dead);
            const before = site.dominator;
            const stillClear = (f: string) => before !== undefined && deadAt[before.index]!.has(f) && !before.touchedBetween.has(f);
            const toClear = dead.filter((f) => !stillClear(f));
            clearedAtYield.set(`${site.line}:${site.column}`, clearBeforeLoops(toClear, site.loops, beforeLoops));
          }
          insertClearsBeforeLoops(beforeLoops, frameName, t);
          // Names the body can read late without changing their value: module
          // bindings never reassigned, and globals.
          const isConstantName = (name: string) => isModuleConstant(program.scope, name);
          const exploded = explodeBody(body, frameName, t, isConstantName, runtime.importedAs("callMethodRead"));

          const siteAt = new Map(sites.map((s) => [`${s.line}:${s.column}`, s]));
          const resumeAtOfSite = new Map(
            exploded.yields.flatMap((y) => {
              const site = siteAt.get(`${y.line}:${y.column}`);
              return site ? [[site, y.resumeAt] as const] : [];
            }),
          );
          const byPosition = new Map(item.yields.map((y) => [`${y.line}:${y.column}`, y]));
          const resumePoints: FrameDescription["resumePoints"] = [];
          for (const y of exploded.yields) {
            const key = `${y.line}:${y.column}`;
            const source = byPosition.get(key);
            if (!source) throw fn.buildCodeFrameError(`internal: cannot match the yield at ${key} to the source`);
            const site = siteAt.get(key);
            const live = [...(site?.liveFields ?? [])].filter(isState);
            live.push(...(exploded.liveTempsAt.get(y.resumeAt) ?? []));
            const dead = [...(clearedAtYield.get(key) ?? [])];
            // A temporary is cleared once, at the first yield after it is done with: at a later yield
            // that an earlier one always runs before (as for fields above), it is still clear.
            // (A temporary is written in one place: dead at the earlier yield, it is not touched again.)
            const dominator = site?.dominator === undefined ? undefined : resumeAtOfSite.get(sites[site.dominator.index]!);
            const clearBefore = new Set(dominator === undefined ? [] : exploded.deadTempsAt.get(dominator));
            dead.push(...(exploded.deadTempsAt.get(y.resumeAt) ?? []).filter((temp) => !clearBefore.has(temp)));
            clearAtSuspension(y, frameName, dead, t);
            const fieldOfName = (name: string) => fields.locals.find((field) => fields.sourceNames.get(field) === name);
            const iterators = (iteratorsAroundYield.get(key) ?? []).map(fieldOfName).filter((f): f is string => f !== undefined);
            resumePoints[source.ordinal] = {
              iterators,
              line: source.line,
              column: source.column,
              label: source.label,
              resumeAt: y.resumeAt,
              within: y.within,
              delegate: y.delegate,
              resultTemp: y.resultTemp,
              live,
            };
          }

          const iterators = fields.locals.filter((field) => iteratorNames.has(fields.sourceNames.get(field) ?? ""));
          // All of them, not only those live at a resume point: an engine message may name any.
          const madeLocals = compilerLocals(
            fields.locals.filter((field) => !iterators.includes(field)),
            fields.sourceNames,
            item.sourceText,
          );
          // One that copies a local (`x?.(yield v)` holds `x` in one) is named after it in engine messages.
          for (const local of madeLocals) {
            const copied = exploded.fieldCopies.get(local);
            if (copied !== undefined) exploded.tempSources[local] = copied;
          }
          const layout = layoutVersion({
            locals: fields.locals.map((field) => [field, fields.sourceNames.get(field) ?? field]),
            params: fields.params.map((param) => param.field),
            temps: exploded.temps,
            usesThis: fields.usesThis,
            usesArguments: fields.usesArguments,
            tryLocs: exploded.tryLocs,
            finalLoc: exploded.finalLoc,
            awaits: exploded.awaits,
            methodTemps: exploded.methodTemps,
            resumePoints,
          });
          const className = program.scope.generateUidIdentifier(`${item.name.replace(/[^A-Za-z0-9_$]/g, "_")}$Frame`);
          // Where a class made more than once keeps each evaluation's frame class (null: a module-level variable).
          const evaluatedWith = isClassMethod ? placeEvaluatedWithClass(fn.parentPath!.parentPath!) : null;
          const frameStatements = buildFrameClass(
            className,
            frameName,
            {
              id: item.id,
              version: `${item.version}:${layout}`,
              name: item.name,
              location: item.location,
              moduleKey,
              fields,
              exploded,
              async: isAsync,
              inClass: isClassMethod,
              classMayBeMadeAgain: evaluatedWith !== null,
              usesSuper: home !== undefined,
              resumePoints,
              iterators,
              compilerLocals: madeLocals,
              asyncIterators: fields.locals.filter((field) => asyncIteratorNames.has(fields.sourceNames.get(field) ?? "")),
            },
            runtime,
            t,
            api.template as unknown as TemplateApi,
          );
          mapToFunction(frameStatements[0] as t.ClassDeclaration, fn.node.loc, t);
          if (isClassMethod) {
            // A method's frame class is made inside its class, in a static
            // block, so the body can use the class's private names (`this.#x`)
            // and its `super`. A variable holds it for the method to construct:
            // one per evaluation of the class (a factory or a mixin makes the
            // class once per call), else each method would construct the
            // last one's frames.
            if (evaluatedWith === null) emitted.push(t.variableDeclaration("var", [t.variableDeclarator(t.cloneNode(className))]));
            else evaluatedWith.push({ id: t.cloneNode(className), kind: "let" });
            const [frameClass, registration] = frameStatements as [t.ClassDeclaration, t.Statement];
            const assignment = t.expressionStatement(
              t.assignmentExpression("=", t.cloneNode(className), t.classExpression(frameClass.id, frameClass.superClass, frameClass.body)),
            );
            const homeObject = (fn.node as t.ClassMethod | t.ClassPrivateMethod).static
              ? t.thisExpression()
              : t.memberExpression(t.thisExpression(), t.identifier("prototype"));
            const homeDeclaration = home ? [t.variableDeclaration("const", [t.variableDeclarator(home, homeObject)])] : [];
            const marking = classMethodMarking(fn as NodePath<t.ClassMethod | t.ClassPrivateMethod>, className, t, runtime, isAsync);
            (fn.parentPath as NodePath<t.ClassBody>).unshiftContainer(
              "body",
              t.staticBlock([...homeDeclaration, assignment, registration, ...(marking ? [marking] : [])]),
            );
          } else {
            emitted.push(...frameStatements);
          }
          replaceWithFrameConstructor(fn, className, fields, t, defaultsCapture);
          if (selfReference) {
            emitted.push(
              t.functionDeclaration(
                selfReference,
                fn.node.params.map((param) => t.cloneNode(param, true)) as t.FunctionDeclaration["params"],
                t.cloneNode(fn.node.body as t.BlockStatement, true),
              ),
              // The twin is a generator function to reflection, and answers to the expression's name.
              t.expressionStatement(
                t.callExpression(runtime.get("setFunctionName"), [
                  markCall(t.cloneNode(selfReference), className, isAsync, t, runtime),
                  t.stringLiteral((fn.node as t.FunctionExpression).id!.name),
                ]),
              ),
            );
          }
          const marking = markAsGeneratorFunction(fn, className, ownName(fn, code), t, runtime, isAsync);
          if (marking) emitted.push(marking);
        }

        // Frame classes go before any other statement, so hoisted function
        // declarations can be called from anywhere in the module: after the
        // imports at its top (the runtime's among them), not after the last
        // import, which may come after code that runs first (imports are
        // hoisted, code is not). They are spliced into the node list rather
        // than inserted through a path: Babel queues inserted paths on the
        // traversal that is visiting the Program, so every plugin would visit
        // them twice, there and again as statements of the body, which that
        // traversal only enters after this handler returns.
        const statements = program.node.body;
        let afterImports = 0;
        while (afterImports < statements.length && t.isImportDeclaration(statements[afterImports])) afterImports++;
        statements.splice(afterImports, 0, ...emitted);
      },
    },
  } satisfies PluginObj<PluginPass>;
});
