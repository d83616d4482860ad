// Generator function expressions: anonymous (name inferred), named (self-reference through its name).
export const log = [];

export const anonymous = /* @resumable */ function* (n) {
  for (let i = 0; i < n; i++) yield `anon ${i}`;
};

export const named = /* @resumable */ function* countdown(n) {
  yield `countdown ${n}`;
  if (n > 0) yield* countdown(n - 1);
};

/* @resumable */
export function* main() {
  yield* anonymous(2);
  yield* named(2);
  return [anonymous.name, named.name];
}

export const create = () => main();
