/**
 * Engine messages in source terms. V8 words some TypeErrors with the source
 * text of the expression that failed: "f is not a function",
 * "obj.method is not a function", "list is not iterable". In a compiled body
 * a local `f` is the field `_frame.$f` and a plain call is
 * `(0, _frame.$f)()`, so the message read "(0 , _frame.$f) is not a
 * function". Before the body's own `catch`, or the generator's caller, sees
 * such an error, the runtime writes the source names back into its message
 * (the stack, formatted on first read, then shows the new one too): the
 * frame does it for an error that leaves the body, and a catch clause that
 * regenerator keeps native (its `try` holds no yield), or one in a closure
 * made in the body, calls restoreSourceNames first thing (locals.ts).
 */
import { types } from "node:util";
import type { Frame } from "./frame.js";
import type { ResumableFunction } from "./function-table.js";

/** What the plugin names a field that holds a loop body's per-iteration bindings (a closure captures them). */
export const PER_ITERATION_BINDINGS = "(per-iteration bindings)";
/**
 * How V8 prints an expression it has no source text for: `(yield x)?.()`
 * fails with "(intermediate value) is not a function". The plugin prints it
 * for such operands too (printed-expression.ts).
 */
export const INTERMEDIATE_VALUE = "(intermediate value)";
/** The frame field that holds what the generator was resumed with: the value of the yield it stopped at. */
const SENT_VALUE = "_sent";

// `_frame`, or `_frame2`… when the module has its own `_frame`: the body's parameter.
// A field, then maybe one property (a per-iteration binding is a property of its environment field),
// and around them maybe the `(0 , …)` V8 prints for a plain call of a member.
const NAME = String.raw`[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*`;
const WHOLE_NAME = new RegExp(`^${NAME}$`, "u");
const COMPILED_REFERENCE = new RegExp(String.raw`(\(0 , )?_frame\d*\.(${NAME})(?:\.(${NAME}))?(\))?`, "gu");

/** Whether `text` is an identifier name, which V8 prints after a dot (`.m`) and anything else in brackets. */
export function isIdentifierName(text: string): boolean {
  return WHOLE_NAME.test(text);
}

/**
 * Rewrites `error`'s message if it is an engine TypeError that names fields of
 * `frame`; anything else, and names it does not know, are left as they are.
 */
export function restoreSourceNames(error: unknown, frame: Frame): void {
  // What the code threw is only looked at, never asked: a proxy's traps and a getter are its code.
  if (typeof error !== "object" || error === null || types.isProxy(error)) return;
  if (Object.getPrototypeOf(error) !== TypeError.prototype) return;
  const descriptor = Object.getOwnPropertyDescriptor(error, "message");
  const message: unknown = descriptor?.value;
  if (typeof message !== "string" || !descriptor!.writable || !message.includes("_frame")) return;
  const metadata = (frame.constructor as { metadata?: ResumableFunction }).metadata;
  if (!metadata) return;
  const { locals, tempSources, compilerLocals } = metadata;
  const rewritten = message.replace(
    COMPILED_REFERENCE,
    (match, open: string | undefined, written: string, property: string | undefined, close: string | undefined) => {
      // A temporary that holds a field (`f(yield x)` holds `f` across the yield) stands for that field,
      // and so does a local the compiler declared to copy one (`x?.(yield v)`): a temporary may hold such a local.
      let field = written;
      for (let hops = 0; hops < 2 && tempSources !== undefined && Object.hasOwn(tempSources, field); hops++) field = tempSources[field]!;
      // Any other local of the compiler's holds what V8 calls an intermediate value, and so does
      // `_sent`, the value a yield (or an await) evaluated to: `(yield x).trim()` reads `_frame._sent.trim`.
      const made = field === SENT_VALUE || (compilerLocals !== undefined && compilerLocals.includes(field));
      const name = made ? INTERMEDIATE_VALUE : Object.hasOwn(locals, field) ? locals[field] : undefined;
      if (name === undefined) return match;
      const binding = name === PER_ITERATION_BINDINGS;
      if (binding && property === undefined) return match;
      const text = binding ? property! : property === undefined ? name : `${name}.${property}`;
      // `(0 , f)` is how V8 prints the compiled call `(0, _frame.$f)()` of a local; the source called `f()`.
      // A member in those parentheses was written so in the source (`(0, obj.method)()`).
      const calledLocal = binding || property === undefined;
      if (open !== undefined && close !== undefined && calledLocal) return text;
      return `${open ?? ""}${text}${close ?? ""}`;
    },
  );
  if (rewritten !== message) (error as TypeError).message = rewritten;
}
