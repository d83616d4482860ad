/**
 * Default ids for resumable functions: the file's path relative to the
 * Babel root, then the names that enclose the function
 * (`src/train.js#Trainer.batches`), with an ordinal for anonymous ones.
 */
import type { NodePath, types as t } from "@babel/core";
import { isAbsolute, relative, sep } from "node:path";

export function fileIdPart(filename: string | null | undefined, root: string): string {
  if (!filename) return "<unknown file>";
  const rel = relative(root, filename);
  // Outside the root (or on another drive): the whole path. A directory named "..x" is inside.
  const outside = rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  return (outside ? filename : rel).split(sep).join("/");
}

function keyName(key: t.Node, computed: boolean, code: string): string {
  if (!computed) {
    if (key.type === "Identifier") return (key as t.Identifier).name;
    if (key.type === "PrivateName") return `#${(key as t.PrivateName).id.name}`;
    if (key.type === "StringLiteral") return JSON.stringify((key as t.StringLiteral).value);
    if (key.type === "NumericLiteral") return String((key as t.NumericLiteral).value);
  }
  const text = key.start != null && key.end != null ? code.slice(key.start, key.end) : key.type;
  return `[${text}]`;
}

/** The name of one function-like node, from its own name or where it is stored. */
export function ownName(path: NodePath, code: string): string | null {
  const node = path.node as t.Node & { id?: t.Identifier | null; key?: t.Node; computed?: boolean };
  if ((path.isClassMethod() || path.isClassPrivateMethod() || path.isObjectMethod()) && node.key) {
    return keyName(node.key, Boolean(node.computed), code);
  }
  if ((path.isFunction() || path.isClass()) && node.id) return node.id.name;
  const parent = path.parentPath;
  if (parent?.isVariableDeclarator() && parent.node.id.type === "Identifier") return parent.node.id.name;
  if ((parent?.isObjectProperty() || parent?.isClassProperty()) && path.key === "value") {
    return keyName(parent.node.key, Boolean(parent.node.computed), code);
  }
  if (parent?.isAssignmentExpression() && path.key === "right") {
    const left = parent.node.left;
    if (left.type === "Identifier") return left.name;
    if (left.type === "MemberExpression" && !left.computed && left.property.type === "Identifier") return left.property.name;
  }
  if (parent?.isExportDefaultDeclaration()) return "default";
  return null;
}

export class FunctionIdNamer {
  private anonymous = 0;
  constructor(private readonly code: string) {}

  qualifiedName(fn: NodePath<t.Function>): string {
    const parts: string[] = [];
    let own = ownName(fn, this.code);
    if (own === null) own = `<anonymous ${++this.anonymous}>`;
    parts.push(own);
    for (let p: NodePath | null = fn.parentPath; p; p = p.parentPath) {
      if (p.isClassMethod() || p.isClassPrivateMethod() || p.isObjectMethod() || p.isFunction()) {
        parts.push(ownName(p, this.code) ?? "<anonymous>");
      } else if (p.isClass()) {
        parts.push(ownName(p, this.code) ?? "<class>");
      } else if (p.isObjectExpression()) {
        const holder = ownName(p, this.code);
        if (holder) parts.push(holder);
      }
    }
    return parts.reverse().join(".");
  }
}
