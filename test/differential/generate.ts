/**
 * Random generator programs for differential testing (generated.test.ts):
 * nested loops, try/catch/finally, switch, labels, break and continue,
 * destructuring (object and array patterns, over arrays and Maps), locals
 * written and read in one statement around a yield, closures and classes
 * over loop and catch bindings, hoisted
 * function declarations, tagged templates, method calls, and `yield` both as a
 * statement and inside expressions, combined in ways a hand-written corpus
 * does not think of. Each program follows the corpus contract (see
 * native-vs-compiled.test.ts) and always terminates: every loop is bounded.
 *
 * Deterministic per seed, so a failure names the seed that reproduces it.
 *
 * `generateAsyncProgram` writes the async version (async-generated.test.ts):
 * `async function* main` and `inner`, with awaits of plain values, promises,
 * thenables and rejections among the same constructs, `for await` loops, and
 * `yield*` to the async `inner`. A sync program is written exactly as before
 * (the async cases draw from the random source only in async programs).
 */
import { randomSource } from "../support/random.ts";

interface Scope {
  /** Names readable here (beyond x, y, arr, obj). */
  readonly names: readonly string[];
  /** Inside a loop: break and continue are allowed. */
  readonly inLoop: boolean;
  /** Labels of enclosing labelled loops. */
  readonly labels: readonly string[];
}

class ProgramWriter {
  private readonly next: () => number;
  private fresh = 0;
  /** Statements written so far: a budget keeps programs small. */
  private statements = 0;

  constructor(
    seed: number,
    private readonly isAsync = false,
  ) {
    this.next = randomSource(seed);
  }

  private int(max: number): number {
    return Math.floor(this.next() * max);
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  private name(prefix: string): string {
    return `${prefix}${this.fresh++}`;
  }

  /** A catch clause's parameter, a name or a pattern, and the expression that reads the error's message. */
  private catchParameter(): [param: string, message: string] {
    const e = this.name("e");
    return this.pick<[string, string]>([
      [e, `${e}.message`],
      [`{ message: ${e} }`, e],
      [`{ message: ${e}, ...${e}rest }`, `${e} + Object.keys(${e}rest).length`],
    ]);
  }

  expression(scope: Scope, depth: number): string {
    const leaf = () => this.pick([String(this.int(5)), "x", "y", "obj.a", ...scope.names]);
    if (depth <= 0) return leaf();
    const sub = () => this.expression(scope, depth - 1);
    if (this.isAsync && this.next() < 0.25) {
      switch (this.int(5)) {
        case 0:
          return `(await ${sub()})`;
        case 1:
          return `(await Promise.resolve(${sub()}))`;
        case 2:
          return `(await later(${sub()}))`;
        case 3:
          return `(await inner(${sub()}).next()).value`;
        default:
          return `(yield Promise.resolve(${sub()}))`;
      }
    }
    switch (this.int(32)) {
      case 0:
      case 1:
        return `(yield ${sub()})`;
      case 2:
        return `${sub()} + ${sub()}`;
      case 3:
        return `[${sub()}, ${sub()}]`;
      case 4:
        return `({ k: ${sub()}, [${sub()}]: 1 })`;
      case 5:
        return `(${sub()} ? ${sub()} : ${sub()})`;
      case 6:
        return `\`<\${${sub()}}>\``;
      case 7:
        return `pair(${sub()}, ${sub()})`;
      case 8:
        return `arr[${sub()} % 3]`;
      case 9:
        return `(x = clip(${sub()}))`;
      case 10:
        return `(${sub()} && ${sub()})`;
      case 11:
        return `[...arr, ${sub()}]`;
      case 12:
        return `({ ...obj, k: ${sub()} })`;
      case 13:
        return `(obj?.a ?? ${sub()})`;
      case 14:
        return `(x ||= ${sub()})`;
      case 15:
        return `new Pair(${sub()}, ${sub()})`;
      case 16:
        return `(yield* inner(${sub()}))`;
      case 17:
        return `(${sub()}, ${sub()})`;
      case 18:
        return `(obj.a += clip(${sub()}))`;
      case 19:
        // A method's body is its own function: no yield there.
        return `({ [${sub()}]() { return x + 1; } })[x]?.name`;
      case 20:
        return `(typeof ${sub()})`;
      case 21:
        return `("k" in { k: ${sub()} })`;
      case 22:
        return `arguments[${this.int(2)}]`;
      case 23:
        return this.isAsync ? `[...[${sub()}]]` : `[...inner(${sub()})]`;
      case 24:
        return `((${sub()}) ?? (yield "nullish"))`;
      case 25:
        // A default parameter cannot yield: the arrow's own parameters take plain values.
        return `((a = x, ...rest) => [a, rest.length])(${sub()}, 1)`;
      case 26:
        return `tag\`a\${${sub()}}b\${${sub()}}\``;
      case 27:
        // A method call: the receiver is `this` in the method, also when an argument yields.
        return `calc.add(${sub()})`;
      case 28:
        return `calc?.add?.(${sub()})`;
      case 29:
        return `(obj.b ??= clip(${sub()}))`;
      default:
        return leaf();
    }
  }

  private block(scope: Scope, depth: number): string {
    const count = 1 + this.int(3);
    const lines: string[] = [];
    for (let i = 0; i < count; i++) lines.push(this.statement(scope, depth));
    return `{\n${lines.join("\n")}\n}`;
  }

  statement(scope: Scope, depth: number): string {
    this.statements++;
    const expr = () => this.expression(scope, 2);
    const simple = [
      () => `yield ${expr()};`,
      () => `yield ${expr()};`,
      () => `x = clip(${expr()});`,
      () => `y += clip(${expr()});`,
      () => `log.push(clip(${expr()}));`,
      () => `log.push([x, y]);`,
      () => {
        // An object pattern with a rest element, assigned (not declared) around the yields of its value.
        const [a, rest] = [this.name("a"), this.name("rest")];
        return `{ let ${a}, ${rest}; ({ a: ${a}, ...${rest} } = { a: clip(${expr()}), b: ${expr()} }); log.push([${a}, Object.keys(${rest})]); }`;
      },
      // Computed keys before values that may yield (or change what a key reads).
      () => `log.push({ [x]: (x = clip(${expr()})), [\`k\${y}\`]: ${expr()} });`,
    ];
    if (scope.inLoop) {
      simple.push(() => `if (${expr()}) continue;`);
      simple.push(() => `if (${expr()}) break;`);
      if (scope.labels.length > 0) simple.push(() => `if (${expr()}) break ${this.pick(scope.labels)};`);
    }
    if (this.isAsync) {
      simple.push(() => `await ${expr()};`);
      simple.push(() => `if (${expr()}) await Promise.reject(new Error("rejected ${this.fresh++}"));`);
    }
    if (depth <= 0 || this.statements > 40) return this.pick(simple)();
    const inner = (extra: Partial<Scope> = {}): Scope => ({ ...scope, ...extra });
    const compound = [
      () => `if (${expr()}) ${this.block(scope, depth - 1)} else ${this.block(scope, depth - 1)}`,
      () => {
        const i = this.name("i");
        return `for (let ${i} = 0; ${i} < ${1 + this.int(3)}; ${i}++) ${this.block(inner({ names: [...scope.names, i], inLoop: true }), depth - 1)}`;
      },
      () => {
        const v = this.name("v");
        return `for (const ${v} of [${expr()}, ${expr()}]) ${this.block(inner({ names: [...scope.names, v], inLoop: true }), depth - 1)}`;
      },
      () => {
        const [p, q] = [this.name("p"), this.name("q")];
        return `for (const [${p}, { k: ${q} = 9 }] of [[1, { k: ${expr()} }], [2, {}]]) ${this.block(inner({ names: [...scope.names, p, q], inLoop: true }), depth - 1)}`;
      },
      () => {
        const w = this.name("w");
        return `{ let ${w} = 0; while (${w}++ < ${1 + this.int(3)}) ${this.block(inner({ names: [...scope.names, w], inLoop: true }), depth - 1)} }`;
      },
      () => {
        // A test that writes a local the body reads, before and after its yields.
        const [w, m] = [this.name("w"), this.name("m")];
        const body = this.block(inner({ names: [...scope.names, m], inLoop: true }), depth - 1);
        return `{ let ${w} = 0, ${m}; while ((${m} = ${w}++ * ${1 + this.int(3)}) < ${2 + this.int(4)}) ${body} log.push(${m}); }`;
      },
      () => {
        const w = this.name("d");
        return `{ let ${w} = 0; do ${this.block(inner({ names: [...scope.names, w], inLoop: true }), depth - 1)} while (++${w} < ${1 + this.int(2)}); }`;
      },
      () => {
        const label = this.name("L");
        const i = this.name("i");
        const body = this.block(inner({ names: [...scope.names, i], inLoop: true, labels: [...scope.labels, label] }), depth - 1);
        return `${label}: for (let ${i} = 0; ${i} < 2; ${i}++) ${body}`;
      },
      () => {
        const [param, message] = this.catchParameter();
        const handler = this.block(inner({ names: [...scope.names, message] }), depth - 1);
        return `try ${this.block(scope, depth - 1)} catch (${param}) { log.push("caught " + ${message}); ${handler} } finally ${this.block(scope, depth - 1)}`;
      },
      () => `try ${this.block(scope, depth - 1)} finally ${this.block(scope, depth - 1)}`,
      () =>
        `switch (${expr()} % 3) { case 0: ${this.block(scope, depth - 1)} break; case 1: ${this.block(scope, depth - 1)} default: ${this.block(scope, depth - 1)} }`,
      () => `if (${expr()}) throw new Error("boom ${this.fresh++}");`,
      () => `if (${expr()}) return ${expr()};`,
      () => {
        // Closures over per-iteration bindings, called after the loop.
        const i = this.name("i");
        const fs = this.name("fs");
        const body = this.block(inner({ names: [...scope.names, i], inLoop: true }), depth - 1);
        return `{ const ${fs} = []; for (let ${i} = 0; ${i} < 2; ${i}++) { ${fs}.push(() => ${i} + x); ${body} } log.push(${fs}.map((f) => f())); }`;
      },
      () => {
        // Code that runs later over bindings each run of a loop's body makes
        // afresh: a block's let, and a catch parameter (one binding per run of the clause).
        const [i, fs, b] = [this.name("i"), this.name("fs"), this.name("b")];
        const [param, message] = this.catchParameter();
        const body = this.block(inner({ names: [...scope.names, i, b], inLoop: true }), depth - 1);
        // A closure, or a class whose instance field initializer reads them at each `new`.
        const capture = this.pick([
          `${fs}.push(() => [${message}, ${b}]);`,
          `{ const C = class { v = [${message}, ${b}]; }; ${fs}.push(() => new C().v); }`,
        ]);
        return (
          `{ const ${fs} = []; for (let ${i} = 0; ${i} < 2; ${i}++) { let ${b} = x + ${i}; ` +
          `try { throw new Error("run " + ${i}); } catch (${param}) { ${capture} ${body} } } ` +
          `log.push(${fs}.map((f) => f())); }`
        );
      },
      () => {
        const key = this.name("key");
        return `for (const ${key} in { a: ${expr()}, b: 2 }) ${this.block(inner({ names: [...scope.names, key], inLoop: true }), depth - 1)}`;
      },
      () => `x = yield* inner(${expr()});`,
      () => {
        const i = this.name("i");
        const body = this.block(inner({ names: [...scope.names, i], inLoop: true }), depth - 1);
        return `for (let ${i} = 0; ${i} < 2 && (yield ${i}) !== "stop"; ${i} += (yield "step") === 0 ? 2 : 1) ${body}`;
      },
      () => {
        const w = this.name("w");
        return `{ let ${w} = 0; while (${w}++ < 2 && ((yield ${w}), true)) ${this.block(inner({ names: [...scope.names, w], inLoop: true }), depth - 1)} }`;
      },
      () => `{ const o = { get g() { return x; }, set g(v) { y = v; } }; o.g = ${expr()}; log.push(o.g, delete o.g, void 0); }`,
      () => `[x, y] = [y, clip(${expr()})];`,
      () => {
        // A class declared in the body: its methods and static initializer read the generator's locals.
        const k = this.name("K");
        const plain = this.pick(["x", "y", "obj.a", ...scope.names]);
        return `{ class ${k} { get v() { return [x, ${plain}]; } static s = clip(${plain}); } log.push(new ${k}().v, ${k}.s); }`;
      },
      () => {
        // A function declaration is hoisted to the top of its block: called before it is written.
        const h = this.name("h");
        return `{ log.push(${h}()); ${this.statement(scope, 0)} function ${h}() { return [x, y]; } }`;
      },
      () => `({ a: x, b: y = ${expr()} } = { a: ${expr()} });`,
      () => {
        const g = this.name("g");
        if (this.isAsync) {
          return `{ const ${g} = inner(${expr()}); log.push((await ${g}.next()).value); for await (const w of ${g}) { log.push(w); ${this.statement(scope, 0)} } }`;
        }
        return `{ const ${g} = inner(${expr()}); log.push(${g}.next().value); for (const w of ${g}) { log.push(w); ${this.statement(scope, 0)} } }`;
      },
      () => {
        const [k, v] = [this.name("k"), this.name("v")];
        return `for (const [${k}, ${v}] of new Map([[1, ${expr()}], [2, 3]])) ${this.block(inner({ names: [...scope.names, k, v], inLoop: true }), depth - 1)}`;
      },
      () => `arr[${this.int(3)}] = clip(${expr()});`,
      () => `switch (${expr()}) { case (yield "case"): log.push("matched"); break; case ${expr()}: ${this.block(scope, depth - 1)} }`,
      () => {
        const label = this.name("C");
        const i = this.name("i");
        const body = this.block(inner({ names: [...scope.names, i], inLoop: true, labels: [...scope.labels, label] }), depth - 1);
        return `${label}: for (let ${i} = 0; ${i} < 2; ${i}++) { for (const u of [1, 2]) { if (u === ${expr()}) continue ${label}; ${body} } }`;
      },
      () => {
        const [a, b] = [this.name("a"), this.name("b")];
        return `{ const [${a}, ...${b}] = [${expr()}, ${expr()}, 3]; log.push(${a}, ${b}); }`;
      },
      // An object pattern, lowered when a yield is in its statement (destructure-checks.ts).
      () => {
        const [a, b] = [this.name("a"), this.name("b")];
        return `{ const { a: ${a}, b: ${b} = ${expr()} } = { a: ${expr()} }; log.push(${a}, ${b}); }`;
      },
      // An array pattern over a Map, stepped through its iterator (destructureArray) when lowered.
      () => {
        const [k, v, w] = [this.name("k"), this.name("v"), this.name("w")];
        return `{ const [[${k}, ${v}], ${w}] = new Map([[${expr()}, 1], [2, ${expr()}]]); log.push(${k}, ${v}, ${w}); }`;
      },
      // Method calls whose arguments may yield: the method is read first (held-method.ts), and a
      // spread calls it directly (spread-calls.ts); a getter logs when it runs.
      () => {
        const [q, o] = [this.name("q"), this.name("o")];
        const tool = `{ n: 0, get add() { log.push("read add"); return (v) => (${o}.n += clip(v)); } }`;
        return `{ const ${q} = []; const ${o} = ${tool}; ${q}.push(${expr()}, ${o}.add(${expr()})); ${q}.push(...[${expr()}], ${expr()}); log.push(${q}, ${o}.n); }`;
      },
      // A local written and read in one statement, a yield between or before (liveness.ts).
      () => {
        const z = this.name("z");
        return `{ let ${z} = 0; log.push((${z} = clip(${expr()}), (yield ${z}), ${z}), (${z} = ${expr()}) ?? ${z}); }`;
      },
    ];
    if (this.isAsync) {
      compound.push(() => {
        const v = this.name("v");
        return `for await (const ${v} of [${expr()}, Promise.resolve(${expr()}), later(${expr()})]) ${this.block(inner({ names: [...scope.names, v], inLoop: true }), depth - 1)}`;
      });
      compound.push(() => {
        const v = this.name("v");
        return `for await (const ${v} of inner(${expr()})) ${this.block(inner({ names: [...scope.names, v], inLoop: true }), depth - 1)}`;
      });
      compound.push(() => `try ${this.block(scope, depth - 1)} finally { await null; ${this.statement(scope, 0)} }`);
    }
    return this.next() < 0.45 ? this.pick(simple)() : this.pick(compound)();
  }

  program(): string {
    const body: string[] = [];
    const count = 2 + this.int(4);
    const scope: Scope = { names: [], inLoop: false, labels: [] };
    for (let i = 0; i < count; i++) body.push(this.statement(scope, 3));
    return [
      "export const log = [];",
      "const pair = (p, q) => [p, q];",
      'const tag = (strings, ...values) => [strings.raw.join("|"), ...values];',
      "const calc = { base: 3, add(v) { return clip([this.base, v]); } };",
      // Values assigned back into the state are clipped: `y += [y, y]` in a loop would double forever.
      "const depth = (v, d = 0) => (d > 6 || v === null || typeof v !== 'object' ? d : Math.max(d, ...Object.values(v).slice(0, 4).map((w) => depth(w, d + 1))));",
      "const clip = (v) => (typeof v === 'string' ? v.slice(-24) : depth(v) > 6 ? 'deep' : Array.isArray(v) && String(v).length > 64 ? 'long' : v);",
      // A constructor that returns plain data: `new` with yields in its arguments, and state a snapshot can hold.
      "function Pair(p, q) { return { v: [p, q] }; }",
      ...(this.isAsync
        ? [
            "const later = (v) => ({ then(resolve) { resolve(v); } });",
            "/* @resumable */",
            "async function* inner(n) { const got = yield n; await null; yield [n, got]; return String(n) + got; }",
            "/* @resumable */",
            "export async function* main(x, y) {",
          ]
        : [
            "/* @resumable */",
            "function* inner(n) { const got = yield n; yield [n, got]; return String(n) + got; }",
            "/* @resumable */",
            "export function* main(x, y) {",
          ]),
      "  const arr = [10, 20, 30];",
      "  const obj = { a: 1 };",
      ...body,
      "  return [x, y];",
      "}",
      "export const create = () => main(1, 2);",
      // Some mutation between yields: sends are numbers, strings, and a throw-prone undefined.
      'export const sends = [undefined, 1, "s", 0, 7, undefined, 2, "t", 5, 3];',
      // Closures made in loops may be live at a yield: a snapshot may refuse, a fork may not.
      'export const snapshotRefusal = "allowed";',
      "",
    ].join("\n");
  }
}

export function generateProgram(seed: number): string {
  return new ProgramWriter(seed).program();
}

export function generateAsyncProgram(seed: number): string {
  return new ProgramWriter(seed, true).program();
}
