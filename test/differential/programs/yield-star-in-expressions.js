// yield* inside other expressions: arguments, conditionals, templates, and as a yield operand.
export const log = [];

/* @resumable */
function* value(v) {
  yield `producing ${v}`;
  return v;
}

/* @resumable */
export function* main() {
  const parts = [];
  parts.push(`template ${yield* value("t")}`);
  parts.push((yield "cond") ? yield* value("then") : yield* value("else"));
  const sent = yield yield* value("yield operand");
  parts.push(sent);
  parts.push(Math.max(yield* value(1), yield* value(5)));
  log.push(parts);
  return parts;
}

export const create = () => main();
export const snapshotRefusal = "allowed"; // Math.max and the partial array are temporaries across yields
