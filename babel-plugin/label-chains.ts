/**
 * Several labels on one statement (`outer: inner: for (…) { continue outer; }`).
 * They are aliases: each names the same loop, so `continue outer` continues
 * it and `break outer` leaves it. regenerator's emitter only binds the
 * innermost label to the loop, and fails on a `continue` to another one
 * ("invalid completion record"); the for…of lowering would also leave the
 * outer labels on a block. So each chain keeps its innermost label, and the
 * jumps to the others are renamed to it, before any lowering.
 */
import type { types as t } from "@babel/core";
import { forEachChild } from "./child-nodes.js";
import type { YieldScan } from "./yield-scan.js";

type Types = typeof t;

export function hasLabelChain(scan: YieldScan): boolean {
  return scan.nodes.some((node) => node.type === "LabeledStatement" && node.body.type === "LabeledStatement");
}

export function collapseLabelChains(body: t.BlockStatement, types: Types): void {
  const visit = (node: t.Node): void => {
    // Labels do not reach into nested functions (or class static blocks).
    if (types.isFunction(node) || node.type === "StaticBlock") return;
    if (node.type === "LabeledStatement" && node.body.type === "LabeledStatement") {
      const aliases = new Set<string>();
      let innermost: t.LabeledStatement = node;
      while (innermost.body.type === "LabeledStatement") {
        aliases.add(innermost.label.name);
        innermost = innermost.body;
      }
      node.label = innermost.label;
      node.body = innermost.body;
      renameJumps(node.body, aliases, innermost.label.name, types);
    }
    forEachChild(node, visit, types);
  };
  visit(body);
}

function renameJumps(node: t.Node, aliases: ReadonlySet<string>, label: string, types: Types): void {
  if (types.isFunction(node) || node.type === "StaticBlock") return;
  if ((node.type === "BreakStatement" || node.type === "ContinueStatement") && node.label && aliases.has(node.label.name)) {
    node.label = types.identifier(label);
  }
  forEachChild(node, (child) => renameJumps(child, aliases, label, types), types);
}
