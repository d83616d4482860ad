/**
 * `super` in a resumable class method. The body moves into a frame class,
 * where `super` would mean the runtime's Frame, so each `super.x` of the
 * method (arrow functions included) becomes a lookup of its own: on the
 * prototype of the method's home object (the class's prototype, or the
 * class itself for a static method) with the method's `this` as receiver,
 * which is what `super.x` does. The home object is a constant of the static
 * block that makes the frame class inside the user's class (index.ts).
 */
import type { NodePath, types as t } from "@babel/core";
import { enclosingNonArrowFunction, isPatternTarget } from "./locals.js";
import { containsYield } from "./lower.js";
import type { RuntimeImports } from "./runtime-imports.js";

type Types = typeof import("@babel/core").types;

/**
 * Rewrites the method's own `super.x` reads, calls and assignments; returns
 * the name they give the home object (from `makeName`), or undefined when
 * the method has none.
 */
export function rewriteSuperAccess(
  fn: NodePath<t.Function>,
  makeName: () => t.Identifier,
  t: Types,
  runtime: RuntimeImports,
): t.Identifier | undefined {
  let home: t.Identifier | undefined;
  const body = fn.get("body") as NodePath<t.BlockStatement>;
  body.traverse({
    Super(path) {
      // A nested method's `super` is its own.
      if (enclosingNonArrowFunction(path, fn)) return;
      home ??= makeName();
      const member = path.parentPath as NodePath<t.MemberExpression>;
      const { computed, property } = member.node;
      const key = computed ? (property as t.Expression) : t.stringLiteral((property as t.Identifier).name);
      const lookup = () => t.callExpression(runtime.get("superGet"), [t.cloneNode(home!), key, t.thisExpression()]);
      const outer = member.parentPath!;
      const isCallee = (outer.isCallExpression() || outer.isOptionalCallExpression()) && member.key === "callee";
      const plainCall = isCallee && !(outer as NodePath<t.CallExpression>).node.optional;
      if (plainCall && containsYield(outer)) {
        // Arguments that yield: the method is looked up after them, as for
        // `o.m(yield x)`, so that no function is held across the yield.
        const call = outer.node as t.CallExpression;
        outer.replaceWith(t.callExpression(runtime.get("superCall"), [t.cloneNode(home!), key, t.thisExpression(), ...call.arguments]));
      } else if (plainCall) {
        // `super.m(…)` looks m up, evaluates the arguments, then calls m with
        // the method's `this`: not through m's own `call` property, which
        // the program may have replaced.
        const call = outer.node as t.CallExpression;
        const printed = t.stringLiteral(printedMember(member, t));
        outer.replaceWith(t.callExpression(runtime.get("applySuperMethod"), [lookup(), printed, t.thisExpression(), ...call.arguments]));
      } else if (isCallee) {
        // `super.m?.(…)`: the arguments are evaluated only when m is there,
        // and a chain after the call (`super.m?.().x`) stops with it, so
        // the call stays an optional call: of m with the method's `this`
        // bound, or of nothing when m is null or undefined.
        const call = outer.node as t.OptionalCallExpression;
        const printed = t.stringLiteral(printedMember(member, t));
        const bound = t.callExpression(runtime.get("superMethodIfPresent"), [t.cloneNode(home!), key, t.thisExpression(), printed]);
        outer.replaceWith(t.optionalCallExpression(bound, call.arguments, true));
      } else if (outer.isAssignmentExpression({ operator: "=" }) && member.key === "left") {
        outer.replaceWith(t.callExpression(runtime.get("superSet"), [t.cloneNode(home!), key, outer.node.right, t.thisExpression()]));
      } else if (
        (outer.isAssignmentExpression() && member.key === "left") ||
        outer.isUpdateExpression() ||
        (outer.isTaggedTemplateExpression() && member.key === "tag") ||
        isPatternTarget(member) ||
        outer.isUnaryExpression({ operator: "delete" })
      ) {
        throw outer.buildCodeFrameError(
          "@resumable: in a resumable method, `super.x` can be read, called and assigned with `=`; a compound assignment, `++`/`--`, a destructuring or for…of target or a tagged template on it is not supported yet: write `super.x = super.x + 1`, or read it into a local first",
        );
      } else {
        member.replaceWith(lookup());
      }
    },
  });
  return home;
}

/**
 * The member as V8 prints it when `super.m()` finds no function to call
 * ("(intermediate value).m is not a function"): `.m`, or the computed key's
 * source in brackets.
 */
function printedMember(member: NodePath<t.MemberExpression>, t: Types): string {
  const property = member.node.property;
  if (!member.node.computed) return `.${(property as t.Identifier).name}`;
  if (t.isStringLiteral(property) && t.isValidIdentifier(property.value, false)) return `.${property.value}`;
  return `[${(member.get("property") as NodePath).getSource() || "…"}]`;
}
