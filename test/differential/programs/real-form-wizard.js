// A multi-step form wizard: answers come in through next(value); validation uses
// logical assignment, ??=, ||=, &&=, optional calls, `in`, delete with a yielded key,
// and member updates with yielded computed keys.
export const log = [];

const validators = {
  age: (v) => Number.isInteger(v) && v >= 0,
  email: (v) => typeof v === "string" && v.includes("@"),
};

/* @resumable */
export function* main() {
  const form = { name: null, age: undefined, email: "", errors: {} };
  form.name ??= yield "name?";
  form.name ||= "anonymous";
  form.age ??= yield "age?";
  form.email ||= (yield "email?") ?? "";
  for (const field of ["age", "email"]) {
    const valid = validators[field]?.(form[field]) ?? true;
    if (!valid) form.errors[field] = (form.errors[field] ?? 0) + 1;
  }
  form.errors.total &&= 0;
  form.errors.total ||= Object.keys(form.errors).length;
  const counters = { a: 0, b: 0 };
  counters[yield "which counter?"]++;
  counters[(yield "which again?") ?? "b"] += 10;
  const removed = delete form[yield "field to drop?"];
  const has = (yield "field to check?") in form;
  log.push(form, counters, removed, has);
  return form.errors.total;
}

export const create = () => main();
export const sends = [undefined, "Ann", 42, null, "a", "b", "email", "age"];
