/**
 * Which frame fields hold values the compiler made up rather than the
 * user's variables: the locals that the lowering passes (Babel's
 * optional-chaining, destructuring and spread transforms among them) declare
 * to keep part of an expression across a yield, as in `o?.[yield k]?.f(yield
 * v)`. A refusal at snapshot time says what such a field holds, since its
 * name appears nowhere in the source, and an engine message calls it what
 * V8 calls it, an intermediate value.
 */

/**
 * The fields among `fields` whose source name the compiler made. Babel's
 * generated names start with "_" and avoid every identifier the program
 * uses, so such a name that does not occur in the function's source text is
 * the compiler's. A substring search, not a walk of the tree: it costs
 * nothing for the usual function, whose locals are all written names (a
 * generated name that occurs in a string or a comment is taken as written,
 * which only drops its note).
 */
export function compilerLocals(fields: readonly string[], sourceNames: ReadonlyMap<string, string>, sourceText: string): string[] {
  return fields.filter((field) => {
    const name = sourceNames.get(field);
    return name !== undefined && name.startsWith("_") && !sourceText.includes(name);
  });
}
