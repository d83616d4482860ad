/**
 * `void 0`: the value undefined as compiled code writes it. The name
 * `undefined` is an ordinary binding that a module may declare for itself
 * (`var undefined = 5` is legal at a module's top level), and the frame
 * classes and the functions that construct them live at module level. The
 * engine compiles both forms to the same instruction.
 */
import type { types as t } from "@babel/core";

export function undefinedValue(types: typeof t): t.UnaryExpression {
  return types.unaryExpression("void", types.numericLiteral(0), true);
}
