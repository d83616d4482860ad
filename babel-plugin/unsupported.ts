/**
 * Every construct the compiler refuses, in one place, each with a message
 * that says what is wrong and what to do instead. All errors carry Babel's
 * code frame (`buildCodeFrameError`), so the user sees the offending line.
 */
import type { NodePath, types as t } from "@babel/core";

function describeNode(node: t.Node | null): string {
  if (!node) return "this code";
  switch (node.type) {
    case "FunctionDeclaration":
    case "FunctionExpression":
    case "ArrowFunctionExpression":
    case "ObjectMethod":
    case "ClassMethod":
    case "ClassPrivateMethod": {
      const fn = node as t.Function;
      if (fn.async && fn.generator) return "an async generator";
      if (fn.async) return "an async function";
      if (node.type === "ArrowFunctionExpression") return "an arrow function";
      return "a function that is not a generator";
    }
    case "Identifier":
      return `the name \`${(node as t.Identifier).name}\``;
    case "PrivateName":
      return `the private name \`#${(node as t.PrivateName).id.name}\``;
    default:
      return `${/^[AEIOU]/.test(node.type) ? "an" : "a"} ${node.type}`;
  }
}

export function notAGenerator(path: NodePath, fn: t.Function | null): Error {
  return path.buildCodeFrameError(
    `@resumable annotates ${describeNode(fn ?? path.node)}; put the annotation right before a \`function*\` or \`async function*\` declaration or expression, or a generator method (\`*name() {}\`, \`async *name() {}\`)`,
  );
}

/** `malformed`: the comment looks like an annotation but does not parse as one. */
export function strayAnnotation(program: NodePath<t.Program>, comment: t.Comment, malformed: boolean): Error {
  const at = comment.loc ? ` (line ${comment.loc.start.line})` : "";
  const message = malformed
    ? `@resumable annotation${at} is malformed: write \`/* @resumable */\` or \`/* @resumable("stable.id") */\``
    : `@resumable annotation${at} is not followed by a generator function; put it right before a \`function*\` or a generator method`;
  const file = program.hub as unknown as { buildError?: (node: t.Node, msg: string) => Error };
  const carrier = { type: "Noop", loc: comment.loc, start: comment.start, end: comment.end } as unknown as t.Node;
  return file.buildError ? file.buildError(carrier, message) : program.buildCodeFrameError(message);
}

/** Babel's File (its types leave the method out): a code frame at a node that has no path of its own here. */
export interface CodeFrameSource {
  buildCodeFrameError(node: t.Node, message: string): Error;
}

export function duplicateResumeLabel(file: CodeFrameSource, node: t.Node, label: string, firstLine: number): Error {
  return file.buildCodeFrameError(
    node,
    `@resumable: the resume point label ${JSON.stringify(label)} is already used at line ${firstLine} of this function; a migration names a resume point by its label, so each must be unique: rename one`,
  );
}

export function duplicateId(path: NodePath, id: string, firstLine: number | undefined): Error {
  return path.buildCodeFrameError(
    `@resumable: the id "${id}" is already used by the generator at line ${firstLine ?? "?"} of this file; give one of them another id with @resumable("…")`,
  );
}

export function capturesEnclosingFunction(path: NodePath, name: string): Error {
  return path.buildCodeFrameError(
    `@resumable: this generator uses "${name}" from an enclosing function; a restored generator cannot get that binding back. Pass "${name}" as a parameter, or move it to module level`,
  );
}

export function usesSuper(path: NodePath): Error {
  return path.buildCodeFrameError(
    "@resumable: `super` inside a resumable generator method of an object literal is not supported yet (class methods support it); call the parent method from an ordinary helper method and use that",
  );
}

export function usesPrivateName(path: NodePath): Error {
  return path.buildCodeFrameError(
    "@resumable: private names (`#x`) are only supported in a resumable generator method of the class that declares them; read them in a method and pass the value in",
  );
}

export function usesDirectEval(path: NodePath): Error {
  return path.buildCodeFrameError(
    "@resumable: direct `eval` inside a resumable generator cannot see its locals once they are fields; remove the eval",
  );
}

export function usesWith(path: NodePath): Error {
  return path.buildCodeFrameError("@resumable: `with` is not supported inside a resumable generator");
}

export function invalidOption(name: string, expected: string): Error {
  return new Error(`resumable-generators/babel-plugin: option "${name}" must be ${expected}`);
}

export function enumInBody(path: NodePath): Error {
  return path.buildCodeFrameError(
    "@resumable: an `enum` declared inside a resumable generator is not supported; declare it at module level (the generator can use it from there)",
  );
}

export function patternAfterCapturingDefault(path: NodePath): Error {
  return path.buildCodeFrameError(
    "@resumable: a destructuring parameter after a parameter default that makes a closure over the parameters is not supported (such defaults are evaluated after the other parameters); take this one as a plain parameter and destructure it in the body",
  );
}

export function parameterRedeclaredByVar(path: NodePath, name: string): Error {
  return path.buildCodeFrameError(
    `@resumable: \`var ${name}\` redeclares parameter ${name}, which a closure made by a parameter default uses; natively they are two variables (the closure does not see the body's writes), here they would be one: give the body's variable another name`,
  );
}

export function namespaceInBody(path: NodePath): Error {
  return path.buildCodeFrameError(
    "@resumable: a `namespace` declared inside a resumable generator is not supported (TypeScript allows one only at a module's or a namespace's top level); declare it at module level",
  );
}

/** `keyword`: "await" when what suspends there is an async generator's await. */
type Suspension = "yield" | "await";
const article = (keyword: Suspension) => (keyword === "await" ? "an `await`" : "a `yield`");

export function yieldInDoExpression(path: NodePath, keyword: Suspension = "yield"): Error {
  return path.buildCodeFrameError(
    `@resumable: ${article(keyword)} inside a \`do\` expression is not supported; ${keyword} in a statement before it and use the result inside`,
  );
}

export function yieldInImportCall(path: NodePath, keyword: Suspension = "yield"): Error {
  return path.buildCodeFrameError(
    `@resumable: ${article(keyword)} inside \`import()\` is not supported; ${keyword} into a variable first, then call import() with it`,
  );
}

export function yieldInPrivateIn(path: NodePath, keyword: Suspension = "yield"): Error {
  return path.buildCodeFrameError(
    `@resumable: ${article(keyword)} on the right of \`#name in\` is not supported; ${keyword} into a variable first, then test \`#name in\` it`,
  );
}

export function yieldInClassFieldKey(path: NodePath, keyword: Suspension = "yield"): Error {
  return path.buildCodeFrameError(
    `@resumable: ${article(keyword)} inside the computed key of a class field is not supported; compute the key into a variable before the class`,
  );
}
