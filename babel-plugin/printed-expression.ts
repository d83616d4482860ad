/**
 * The messages V8 gives when a loop finds nothing iterable, which print the
 * loop's expression ("list is not iterable", "load is not a function or its
 * return value is not iterable"). A lowered loop calls the runtime instead
 * of the engine, so the plugin prints the expression as V8 would and passes
 * the message along; for an expression it does not print, the runtime's
 * message for the value alone is what the loop gives.
 */
import type { types as t } from "@babel/core";
import { INTERMEDIATE_VALUE } from "../runtime/engine-messages.js";

/** For a `for…of` over `expression`. */
export function notIterableMessage(expression: t.Expression): string | undefined {
  if (expression.type === "CallExpression" || expression.type === "NewExpression") {
    const callee = printedReference(expression.callee);
    return callee === undefined ? undefined : `${callee} is not a function or its return value is not iterable`;
  }
  const printed = printedReference(expression);
  return printed === undefined ? undefined : `${printed} is not iterable`;
}

/** For a `for await…of` over `expression`: V8 words it differently ("f(...)", and a `new` it does not print). */
export function notAsyncIterableMessage(expression: t.Expression): string | undefined {
  if (expression.type === "NewExpression") return "(intermediate value) is not a function or its return value is not async iterable";
  if (expression.type === "CallExpression") {
    const callee = printedReference(expression.callee);
    return callee === undefined ? undefined : `${callee}(...) is not a function or its return value is not async iterable`;
  }
  const printed = printedReference(expression);
  return printed === undefined ? undefined : `${printed} is not async iterable`;
}

/**
 * For a spread's operand, `[...v]` or `f(...v)`: V8 prints operators and
 * literals there too ("(a || 0) is not iterable", "((intermediate value) ??
 * []) is not iterable"), where a loop's message prints names and members only.
 */
export function printedSpreadOperand(expression: t.Expression): string | undefined {
  return printedOperand(expression);
}

/** For the value a destructuring reads from, `const { a } = v`: names, members, and the value of a yield. */
export function printedDestructuredValue(expression: t.Expression): string | undefined {
  return printedReference(expression);
}

/**
 * For the callee of a call of something not callable: V8 prints an optional
 * chain with its `?.` there ("o?.m is not a function", "f(...)?.n is not a
 * function"), where its loop, spread and destructuring messages print no
 * optional chain at all; a chain in parentheses is "(intermediate value)".
 */
export function printedCallee(node: t.Node): string | undefined {
  const isChain = node.type === "OptionalMemberExpression" || node.type === "OptionalCallExpression";
  if (isChain && (node as { extra?: { parenthesized?: boolean } }).extra?.parenthesized) return INTERMEDIATE_VALUE;
  switch (node.type) {
    case "MemberExpression":
    case "OptionalMemberExpression": {
      const object = printedCallee(node.object);
      const property = printedProperty(node);
      return object === undefined || property === undefined ? undefined : object + property;
    }
    case "CallExpression":
    case "OptionalCallExpression": {
      const callee = printedCallee(node.callee);
      return callee === undefined ? undefined : `${callee}(...)`;
    }
    case "NewExpression":
      return INTERMEDIATE_VALUE;
    default:
      return printedOperand(node);
  }
}

/** `.m`, `?.m`, `[0]`, `?.[k]`: a key V8 prints as written, or a string key as a name (`o["a b"]` is "o.a b"). */
function printedProperty(node: t.MemberExpression | t.OptionalMemberExpression): string | undefined {
  const optional = node.type === "OptionalMemberExpression" && node.optional ? "?." : "";
  const property = node.property;
  if (!node.computed) return property.type === "Identifier" ? `${optional || "."}${property.name}` : undefined;
  if (property.type === "StringLiteral") return /^[\x20-\x7e]*$/.test(property.value) ? `${optional || "."}${property.value}` : undefined;
  if (property.type === "NumericLiteral") return `${optional}[${property.value}]`;
  if (property.type === "Identifier") return `${optional}[${property.name}]`;
  if (property.type === "YieldExpression" || property.type === "AwaitExpression") return `${optional}[${INTERMEDIATE_VALUE}]`;
  // V8 folds constants in a key (`o?.[1 + 1]` prints "o?.[2]"): other keys are left to the runtime.
  return undefined;
}

/** Operators V8 prints before their operand with a space (`(typeof a)`), the others without (`(-a)`). */
const WORD_OPERATORS = new Set(["typeof", "void"]);

/**
 * An operand as V8 prints it in a spread's message: references, then binary
 * and logical operators, unary operators, commas and simple literals, each
 * operator in parentheses ("((typeof a) === \"x\")"), a conditional as three
 * "(intermediate value)". Undefined for what it prints in ways not modelled
 * here (a call, an assignment…).
 */
function printedOperand(node: t.Node): string | undefined {
  switch (node.type) {
    case "BinaryExpression":
    case "LogicalExpression": {
      if (node.left.type === "PrivateName") return undefined;
      const left = printedOperand(node.left);
      const right = printedOperand(node.right);
      return left === undefined || right === undefined ? undefined : `(${left} ${node.operator} ${right})`;
    }
    case "UnaryExpression": {
      // The parser folds a minus into a number literal: V8 prints `-1`, not `(-1)`.
      if (node.operator === "-" && node.argument.type === "NumericLiteral") {
        const literal = printedOperand(node.argument);
        return literal === undefined ? undefined : `-${literal}`;
      }
      if (node.operator === "delete") return undefined;
      const argument = printedOperand(node.argument);
      if (argument === undefined) return undefined;
      return WORD_OPERATORS.has(node.operator) ? `(${node.operator} ${argument})` : `(${node.operator}${argument})`;
    }
    case "ConditionalExpression":
      // Whatever its parts: V8 prints each of the three as an intermediate value.
      return INTERMEDIATE_VALUE.repeat(3);
    case "SequenceExpression": {
      const parts = node.expressions.map(printedOperand);
      return parts.includes(undefined) ? undefined : `(${parts.join(" , ")})`;
    }
    case "NumericLiteral": {
      // As written, when that is how JavaScript prints the number (not `1e3`, `0x10` or `1_000`).
      const raw = (node as { extra?: { raw?: unknown } }).extra?.raw;
      return raw === undefined || raw === String(node.value) ? String(node.value) : undefined;
    }
    case "StringLiteral":
      return /^[\x20-\x7e]*$/.test(node.value) && !/["\\]/.test(node.value) ? `"${node.value}"` : undefined;
    case "BooleanLiteral":
      return String(node.value);
    case "NullLiteral":
      return "null";
    case "BigIntLiteral":
      return INTERMEDIATE_VALUE;
    case "ArrayExpression":
      return node.elements.length === 0 ? "[]" : undefined;
    case "ObjectExpression":
      return node.properties.length === 0 ? "{}" : undefined;
    default:
      return printedReference(node);
  }
}

/**
 * `a`, `this`, `a.b`, `a[0]`, `a[k]` as V8's messages print them, with
 * "(intermediate value)" for the value of a yield or an await; undefined for
 * anything else.
 */
function printedReference(node: t.Node): string | undefined {
  if (node.type === "Identifier") return node.name;
  if (node.type === "ThisExpression") return "this";
  if (node.type === "YieldExpression" || node.type === "AwaitExpression") return INTERMEDIATE_VALUE;
  if (node.type !== "MemberExpression") return undefined;
  const object = printedReference(node.object);
  if (object === undefined) return undefined;
  const property = node.property;
  if (!node.computed) return property.type === "Identifier" ? `${object}.${property.name}` : undefined;
  if (property.type === "NumericLiteral") return `${object}[${property.value}]`;
  if (property.type === "StringLiteral" && /^[A-Za-z_$][\w$]*$/.test(property.value)) return `${object}.${property.value}`;
  const key = property.type === "Identifier" ? property.name : undefined;
  return key === undefined ? undefined : `${object}[${key}]`;
}
