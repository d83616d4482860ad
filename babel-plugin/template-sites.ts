/**
 * A tagged template whose substitutions yield (`say\`Hello ${yield name}\``).
 * Babel's template-literal transform creates the template's strings object
 * lazily inside the expression (`_t || (_t = helper([…]))`), so regenerator
 * holds that frozen array in a temporary across the yield, where a snapshot
 * cannot save it as the site's own object. Here the object is made once per
 * site at module level instead: it is the same object for every evaluation
 * of the site (as the spec says), making it has no other effect, and a
 * module constant is read where it is needed, after the yield.
 */
import type { NodePath, types as t } from "@babel/core";
import type { LowerContext } from "./lower.js";
import type { YieldScan } from "./yield-scan.js";
import { undefinedValue } from "./undefined-value.js";

export function hasTaggedTemplateWithYield(scan: YieldScan): boolean {
  return scan.nodes.some((node) => node.type === "TaggedTemplateExpression" && scan.containsYield(node.quasi));
}

/**
 * Rewrites each such `tag\`…\`` into `tag(site, …substitutions)`, the call
 * it stands for (a member tag keeps its object as `this`), and adds the
 * site's declaration to `context.moduleStatements`.
 */
export function hoistTemplateSites(body: NodePath<t.BlockStatement>, context: LowerContext, scan: YieldScan): void {
  const { types: t, pass, moduleStatements } = context;
  const program = body.scope.getProgramParent();
  body.traverse({
    Function(path) {
      path.skip();
    },
    TaggedTemplateExpression(path) {
      const { tag, quasi } = path.node;
      if (!scan.containsYield(quasi)) return;
      // An invalid escape (allowed in a tagged template) has no cooked string: undefined, as natively.
      const cooked = quasi.quasis.map((q) => (q.value.cooked == null ? undefinedValue(t) : t.stringLiteral(q.value.cooked)));
      const raw = quasi.quasis.map((q) => t.stringLiteral(q.value.raw));
      const site = program.generateUidIdentifier("templateSite");
      const helper = (pass as unknown as { addHelper(name: string): t.Identifier }).addHelper("taggedTemplateLiteral");
      const made = t.callExpression(helper, [t.arrayExpression(cooked), t.arrayExpression(raw)]);
      moduleStatements.push(t.variableDeclaration("const", [t.variableDeclarator(site, made)]));
      path.replaceWith(t.callExpression(tag, [t.cloneNode(site), ...(quasi.expressions as t.Expression[])]));
    },
  });
}
