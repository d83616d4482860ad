// A recursive-descent parser over a string with an index held in a shared state object;
// each production is a resumable generator called through yield*, and every token
// consumed is yielded so an editor could show progress.
export const log = [];

/* @resumable */
function* skipSpace(st) {
  while (st.pos < st.src.length && st.src[st.pos] === " ") st.pos++;
}

/* @resumable */
function* token(st) {
  yield* skipSpace(st);
  const rest = st.src.slice(st.pos);
  const m = /^(\d+(?:\.\d+)?|[-+*/()^]|[a-z]+)/.exec(rest);
  if (!m) {
    if (st.pos >= st.src.length) return null;
    throw new SyntaxError(`unexpected ${JSON.stringify(rest[0])} at ${st.pos}`);
  }
  return m[1];
}

/* @resumable */
function* peek(st) {
  const saved = st.pos;
  const t = yield* token(st);
  st.pos = saved;
  return t;
}

/* @resumable */
function* eat(st) {
  const t = yield* token(st);
  st.pos += t === null ? 0 : t.length + (st.src.slice(st.pos).length - st.src.slice(st.pos).trimStart().length);
  yield { tok: t, pos: st.pos };
  return t;
}

/* @resumable */
function* primary(st) {
  const t = yield* eat(st);
  if (t === "(") {
    const inner = yield* expr(st);
    const close = yield* eat(st);
    if (close !== ")") throw new SyntaxError(`expected ) got ${close}`);
    return inner;
  }
  if (t === "-") return -(yield* primary(st));
  if (/^[a-z]+$/.test(t ?? "")) {
    const v = st.vars[t];
    if (v === undefined) throw new ReferenceError(`unknown ${t}`);
    return v;
  }
  return Number(t);
}

/* @resumable */
function* power(st) {
  const base = yield* primary(st);
  if ((yield* peek(st)) === "^") {
    yield* eat(st);
    return base ** (yield* power(st));
  }
  return base;
}

/* @resumable */
function* term(st) {
  let v = yield* power(st);
  for (let op = yield* peek(st); op === "*" || op === "/"; op = yield* peek(st)) {
    yield* eat(st);
    const r = yield* power(st);
    v = op === "*" ? v * r : v / r;
  }
  return v;
}

/* @resumable */
function* expr(st) {
  let v = yield* term(st);
  while (true) {
    const op = yield* peek(st);
    if (op !== "+" && op !== "-") break;
    yield* eat(st);
    v += (op === "+" ? 1 : -1) * (yield* term(st));
  }
  return v;
}

/* @resumable */
export function* main(sources) {
  const results = [];
  for (const src of sources) {
    const st = { src, pos: 0, vars: { x: 3, y: 0.5 } };
    try {
      results.push(yield* expr(st));
    } catch (e) {
      results.push(`${e.name}: ${e.message}`);
    }
  }
  log.push(results);
  return results;
}

export const create = () => main(["1 + 2 * 3", "(x - 1) ^ 2 ^ 2 / -y", "2 * (3 + z)", "4 $ 4"]);
