/**
 * Finds the generator functions marked `/* @resumable *\/` (or `// @resumable`,
 * or a `@resumable` line of a JSDoc comment; optionally with a stable id:
 * `@resumable("train.minibatches")`) and the yields marked with a
 * resume-point label (`/* @resume "after-batch" *\/`).
 */
import type { NodePath, types as t } from "@babel/core";
import { offsetsInRangeTest } from "./offsets-in-range.js";
import { notAGenerator, strayAnnotation } from "./unsupported.js";

const RESUMABLE = /^\s*@resumable\b\s*(?:\(\s*(?:"([^"\\]*)"|'([^'\\]*)')\s*\))?\s*$/;
const RESUME_LABEL = /^\s*@resume\s+(?:"([^"\\]*)"|'([^'\\]*)')\s*$/;
/** A comment that looks like an annotation, well-formed or not. */
const LOOKS_LIKE_ANNOTATION = /^\s*@resumable\b/;

export type GeneratorFunctionPath = NodePath<t.Function>;

export interface AnnotatedFunction {
  path: GeneratorFunctionPath;
  /** The id given in the annotation, if any. */
  explicitId: string | undefined;
}

/** True when the file mentions the annotation at all: the plugin's early bail-out. */
export function mentionsResumable(code: string): boolean {
  return code.includes("@resumable");
}

/**
 * The texts of a comment that may be an annotation: the whole comment, or
 * for a JSDoc comment (`/** … *\/`) each of its lines without the leading
 * `*`, so that `/** @resumable *\/` and a `@resumable` tag among the lines
 * of a doc comment count as they do in a plain comment.
 */
function annotationTexts(comment: t.Comment): string[] {
  if (comment.type !== "CommentBlock" || !comment.value.startsWith("*")) return [comment.value];
  return comment.value
    .slice(1)
    .split("\n")
    .map((line) => line.replace(/^\s*\*?/, ""));
}

function looksLikeAnnotation(comment: t.Comment): boolean {
  return annotationTexts(comment).some((text) => LOOKS_LIKE_ANNOTATION.test(text));
}

export function parseResumableComment(comment: t.Comment): { id: string | undefined } | null {
  for (const text of annotationTexts(comment)) {
    const match = RESUMABLE.exec(text);
    if (match) return { id: match[1] ?? match[2] };
  }
  return null;
}

export function resumeLabelOf(comments: readonly t.Comment[] | null | undefined): string | undefined {
  for (const comment of comments ?? []) {
    for (const text of annotationTexts(comment)) {
      const match = RESUME_LABEL.exec(text);
      if (match) return match[1] ?? match[2];
    }
  }
  return undefined;
}

/**
 * Babel attaches a leading comment to the outermost node that starts right
 * after it: `/* @resumable *\/ export function* f() {}` puts it on the export,
 * `/* @resumable *\/ function*(){}().next()` on the expression statement. So
 * from the node that carries the comment, walk down through wrappers and
 * through children that start at the same offset until a function appears.
 */
function functionStartingAt(path: NodePath): NodePath | null {
  let current: NodePath = path;
  for (let guard = 0; guard < 64; guard++) {
    const node = current.node;
    if (current.isFunction()) return current;
    if (current.isExportNamedDeclaration() || current.isExportDefaultDeclaration()) {
      const declaration = current.get("declaration") as NodePath;
      if (!declaration.node) return current;
      current = declaration;
      continue;
    }
    if (current.isVariableDeclaration() && node && (node as t.VariableDeclaration).declarations.length === 1) {
      const init = current.get("declarations.0.init") as NodePath;
      if (init.node && (init.isFunction() || init.isParenthesizedExpression())) {
        current = init;
        continue;
      }
      return current;
    }
    if ((current.isObjectProperty() || current.isClassProperty()) && (node as t.ObjectProperty).value) {
      const value = current.get("value") as NodePath;
      if (value.isFunction()) return value;
      return current;
    }
    // Descend into the leftmost child, if only parentheses separate it from
    // the start of this node.
    let next: NodePath | null = null;
    let nextStart = Infinity;
    for (const key of Object.keys(node ?? {})) {
      if (key === "leadingComments" || key === "trailingComments" || key === "innerComments") continue;
      const child = (node as unknown as Record<string, unknown>)[key];
      if (child && typeof child === "object" && "type" in (child as object)) {
        const start = (child as t.Node).start;
        if (start != null && start < nextStart) {
          nextStart = start;
          next = current.get(key) as NodePath;
        }
      }
    }
    const code = (current.hub as unknown as { file?: { code?: string } } | undefined)?.file?.code ?? "";
    if (next && node!.start != null && !/^[\s(]*$/.test(code.slice(node!.start, nextStart))) next = null;
    if (!next || Array.isArray(next)) return current;
    current = next;
  }
  return current;
}

/**
 * Returns every annotated generator in the program. An annotation on anything
 * else (a plain or async function, a statement, nothing at all) is
 * a compile error with a code frame.
 */
export function findAnnotatedFunctions(program: NodePath<t.Program>): AnnotatedFunction[] {
  const found = new Map<t.Node, AnnotatedFunction>();
  const claimed = new Set<number>();
  const file = program.hub as unknown as { file?: { ast?: t.File } };
  const allComments = file.file?.ast?.comments ?? (program.parent as t.File).comments ?? [];
  // Babel attaches a comment to a node that starts after it, so a node whose
  // range holds no annotation has no annotated descendant (its own leading
  // comments are read before its children are skipped).
  const holdsAnnotation = offsetsInRangeTest(
    allComments.filter((comment) => comment.start != null && looksLikeAnnotation(comment)).map((comment) => comment.start!),
  );

  program.traverse({
    enter(path) {
      // Most of a file holds no annotation: its subtrees are not walked.
      if (!holdsAnnotation(path.node)) path.skip();
      const comments = path.node.leadingComments;
      if (!comments) return;
      for (const comment of comments) {
        const annotation = parseResumableComment(comment);
        if (!annotation) continue;
        if (comment.start != null) claimed.add(comment.start);
        const target = functionStartingAt(path);
        if (!target || !target.isFunction()) throw notAGenerator(target ?? path, null);
        if (!target.node.generator) throw notAGenerator(target, target.node);
        const previous = found.get(target.node);
        if (!previous || previous.explicitId === undefined) {
          found.set(target.node, { path: target, explicitId: annotation.id ?? previous?.explicitId });
        }
      }
    },
  });

  const unclaimed = allComments.filter((comment) => looksLikeAnnotation(comment) && !(comment.start != null && claimed.has(comment.start)));
  if (unclaimed.length > 0) claimAmongMethodModifiers(program, unclaimed, claimed, found);
  for (const comment of unclaimed) {
    if (comment.start != null && claimed.has(comment.start)) continue;
    throw strayAnnotation(program, comment, parseResumableComment(comment) === null);
  }
  return [...found.values()];
}

/**
 * An annotation after a method's decorators or modifiers (`@log /* @resumable *\/
 * *m() {}`, `static /* @resumable *\/ *m() {}`) sits inside the method,
 * before its name, where Babel attaches it to no node the walk above reads.
 * Rare, so one more traversal, only when such a comment is left over.
 */
function claimAmongMethodModifiers(
  program: NodePath<t.Program>,
  comments: readonly t.Comment[],
  claimed: Set<number>,
  found: Map<t.Node, AnnotatedFunction>,
): void {
  program.traverse({
    "ClassMethod|ClassPrivateMethod|ObjectMethod"(path: NodePath) {
      const method = path.node as t.ClassMethod | t.ClassPrivateMethod | t.ObjectMethod;
      for (const comment of comments) {
        if (comment.start == null || comment.end == null || method.start == null || method.key.start == null) continue;
        if (comment.start < method.start || comment.end > method.key.start) continue;
        const annotation = parseResumableComment(comment);
        if (!annotation) continue;
        claimed.add(comment.start);
        if (!method.generator) throw notAGenerator(path, method);
        if (!found.has(method)) found.set(method, { path: path as GeneratorFunctionPath, explicitId: annotation.id });
      }
    },
  });
}
