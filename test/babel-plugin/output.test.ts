/**
 * What the plugin emits: which functions it compiles, the ids and tables it
 * registers, what it leaves alone, and where stack traces point.
 */
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { inspect } from "node:util";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { restore, snapshot } from "resumable-generators";
import { babelCore, compileSource, compileToFile, importCompiled, projectRoot, type BabelMajor } from "../support/compile.js";

const require = createRequire(import.meta.url);
const file = (name: string) => join(projectRoot, "test", "fixtures", name);

function withoutPlugin(major: BabelMajor, code: string): string {
  return babelCore(major).transformSync(code, { filename: file("plain.js"), babelrc: false, configFile: false })!.code!;
}

interface Registered {
  metadata: {
    id: string;
    version: string;
    name: string;
    resumePoints: Array<{ line: number; column: number; label?: string; live: string[] }>;
  };
}

/**
 * Compiles TypeScript with the plugin and the TypeScript preset, and imports it. The preset installed
 * here is Babel 7's, so under Babel 8 this only checks that the plugin compiles the source (types left
 * in) and returns undefined.
 */
async function importTypeScript<T>(source: string, name: string, major: BabelMajor): Promise<T | undefined> {
  if (major === 8) {
    expect(compileSource(source, file(name), major, { parserOpts: { plugins: ["typescript"] } })).toContain("extends _Frame");
    return undefined;
  }
  return importCompiled<T>(source, file(name), major, { presets: [require.resolve("@babel/preset-typescript")] });
}

function metadataOf(gen: object): Registered["metadata"] {
  return (gen.constructor as unknown as Registered).metadata;
}

/** The fields live at each resume point of `g`, a generator of one argument that `source` declares. */
async function liveAtResumePoints(source: string, name: string, major: BabelMajor): Promise<string[][]> {
  const mod = await importCompiled<{ g: (arg: unknown[]) => Generator }>(source, file(name), major);
  return metadataOf(mod.g([])).resumePoints.map((point) => point.live);
}

for (const major of [7, 8] as const) {
  describe(`plugin output (Babel ${major})`, () => {
    it("leaves a file without the annotation exactly as Babel alone prints it", () => {
      const code = "function* g(a) { for (const x of a) yield x; }\nexport const h = async () => 1;\n";
      expect(compileSource(code, file("plain.js"), major).replace(/\n\/\/# sourceMappingURL=.*$/s, "")).toBe(withoutPlugin(major, code));
    });

    it("compiles only annotated generators; others stay native", async () => {
      const mod = await importCompiled<{ a: () => Generator; b: () => Generator }>(
        "/* @resumable */ export function* a() { yield 1; }\nexport function* b() { yield 2; }\n",
        file("only-annotated.js"),
        major,
      );
      expect(metadataOf(mod.a())).toBeDefined();
      expect(Object.getPrototypeOf(mod.b)).toBe(Object.getPrototypeOf(function* () {}));
      expect([...mod.a()]).toEqual([1]);
      expect([...mod.b()]).toEqual([2]);
    });

    it("takes the annotation from a JSDoc comment too, alone or as a tag among its lines", async () => {
      // Both were ignored before: the generators stayed native, and snapshot() refused them later.
      const mod = await importCompiled<Record<string, () => Generator>>(
        [
          "/** @resumable */ export function* a() { yield 1; }",
          "/**",
          " * Counts up.",
          " * @param n where to stop",
          ' * @resumable("doc.b")',
          " */",
          'export function* b(n) { /** @resume "tick" */ yield n; }',
          "/** Mentions @resumable in prose only. */ export function* c() { yield 3; }",
        ].join("\n"),
        file("jsdoc-annotations.js"),
        major,
      );
      expect(metadataOf(mod.a!())).toBeDefined();
      expect(metadataOf(mod.b!())).toMatchObject({ id: "doc.b", resumePoints: [{ label: "tick" }] });
      expect(Object.getPrototypeOf(mod.c)).toBe(Object.getPrototypeOf(function* () {}));
    });

    it("finds an annotation written after a method's decorators or modifiers", async () => {
      const mod = await importCompiled<{ Counter: { ticks(): Generator } }>(
        "export class Counter { static /* @resumable */ *ticks() { yield 1; } }\n",
        file("annotation-after-static.js"),
        major,
      );
      expect(metadataOf(mod.Counter.ticks())).toBeDefined();
      // Decorators and TypeScript modifiers: the compile is checked (Node runs neither as written).
      const decorated = compileSource(
        "const log = (m) => m;\nclass A {\n  @log /* @resumable */ *a() { yield 1; }\n  @log\n  /* @resumable */ *b() { yield 2; }\n}\n",
        file("annotation-after-decorators.js"),
        major,
        { parserOpts: { plugins: [["decorators", { version: "2023-11" }]] } },
      );
      expect(decorated.match(/extends _Frame/g)).toHaveLength(2);
      const modifiers = compileSource(
        "class A { private /* @resumable */ *a() { yield 1; } protected static /* @resumable */ *b() { yield 2; } }\n",
        file("annotation-after-modifiers.ts"),
        major,
        { parserOpts: { plugins: ["typescript"] } },
      );
      expect(modifiers.match(/extends _Frame/g)).toHaveLength(2);
    });

    it("keeps name and length, and returns a generator object", async () => {
      const mod = await importCompiled<{ gen: (...args: unknown[]) => Generator }>(
        "/* @resumable */ export function* gen(a, b, c = 1, ...rest) { yield a; }\n",
        file("name-length.js"),
        major,
      );
      expect(mod.gen.name).toBe("gen");
      expect(mod.gen.length).toBe(2);
      const g = mod.gen(1, 2);
      expect(Object.prototype.toString.call(g)).toBe("[object Generator]");
      expect(g[Symbol.iterator]()).toBe(g);
      // console.log prints it as it prints a native one, not its frame's fields.
      g.next();
      expect(inspect({ g })).toBe(inspect({ g: (function* () {})() }));
    });

    it("names a file in a directory whose name starts with two dots by its path under the root", () => {
      // "..x/" is inside the root: it was taken for a path leading out of it, and named by its absolute path.
      const code = compileSource("/* @resumable */ export function* g() { yield 1; }", join(projectRoot, "..x", "g.js"), major);
      expect(code).toContain('id: "..x/g.js#g"');
    });

    it("names functions by file and enclosing names, or by the annotation", async () => {
      const mod = await importCompiled<Record<string, any>>(
        [
          '/* @resumable("train.minibatches") */ export function* explicit() { yield 1; }',
          "/* @resumable */ export function* plain() { yield 1; }",
          "export class Trainer {",
          "  /* @resumable */ *batches() { yield 1; }",
          "  /* @resumable */ static *make() { yield 1; }",
          "  /* @resumable */ *#hidden() { yield 1; }",
          "  /* @resumable */ *[Symbol.iterator]() { yield 1; }",
          "  hidden() { return this.#hidden(); }",
          "}",
          "export const tools = { /* @resumable */ *walk() { yield 1; } };",
          "export const anon = [/* @resumable */ function* () { yield 1; }, /* @resumable */ function* () { yield 2; }];",
          "export default /* @resumable */ function* () { yield 1; }",
        ].join("\n"),
        file("ids.js"),
        major,
      );
      const t = new mod.Trainer();
      expect(metadataOf(mod.explicit()).id).toBe("train.minibatches");
      expect(metadataOf(mod.plain()).id).toBe("test/fixtures/ids.js#plain");
      expect(metadataOf(t.batches()).id).toBe("test/fixtures/ids.js#Trainer.batches");
      expect(metadataOf(mod.Trainer.make()).id).toBe("test/fixtures/ids.js#Trainer.make");
      expect(metadataOf(t.hidden()).id).toBe("test/fixtures/ids.js#Trainer.#hidden");
      expect(metadataOf(t[Symbol.iterator]()).id).toBe("test/fixtures/ids.js#Trainer.[Symbol.iterator]");
      expect(metadataOf(mod.tools.walk()).id).toBe("test/fixtures/ids.js#tools.walk");
      expect(metadataOf(mod.anon[0]()).id).toBe("test/fixtures/ids.js#<anonymous 1>");
      expect(metadataOf(mod.anon[1]()).id).toBe("test/fixtures/ids.js#<anonymous 2>");
      expect(metadataOf(mod.default()).id).toBe("test/fixtures/ids.js#default");
    });

    it("finds an annotation Babel attached to an enclosing expression", async () => {
      const mod = await importCompiled<{ first: IteratorResult<unknown> }>(
        "export const first = /* @resumable */ function* () { yield 7; }().next();\n",
        file("enclosing-comment.js"),
        major,
      );
      expect(mod.first).toEqual({ value: 7, done: false });
      const code = compileSource("/* @resumable */ (function* () { yield 1; })().next();\n", file("statement-comment.js"), major);
      expect(code).toContain("defineResumable");
    });

    it("registers the resume points with positions, labels and live fields", async () => {
      const mod = await importCompiled<{ g: () => Generator }>(
        [
          "/* @resumable */ export function* g() {",
          "  const helper = () => 1;",
          "  let total = helper();",
          "  yield total;",
          '  /* @resume "after-batch" */',
          "  yield 2;",
          "  return total;",
          "}",
        ].join("\n"),
        file("table.js"),
        major,
      );
      const table = metadataOf(mod.g());
      expect(table.resumePoints.map((p) => [p.line, p.column, p.label])).toEqual([
        [4, 2, undefined],
        [6, 2, "after-batch"],
      ]);
      // The helper closure is dead after the first yield: it is not saved.
      expect(table.resumePoints[0]!.live).toEqual(["$total"]);
      expect(table.version).toMatch(/^[0-9a-f]{16}:[0-9a-f]{8}$/);
    });

    it("does not keep alive what only the yield's own argument reads, in the statement or in a loop around the block", async () => {
      const live = await liveAtResumePoints(
        [
          "/* @resumable */ export function* g(rows) {",
          "  let seen = 0;",
          "  for (const row of rows) {",
          "    let width = 0;",
          "    for (const cell of row) width += cell;",
          "    seen += row.length;",
          "    const got = yield { seen, width };",
          "    seen += got ?? 0;",
          "  }",
          "}",
        ].join("\n"),
        "argument-liveness.js",
        major,
      );
      // `width` is read only in the yield's argument, and its block is re-entered (and it re-declared) before any other read.
      expect(live[0]).not.toContain("$width");
      expect(live[0]).toContain("$seen");
    });

    it("does not keep alive a local every way from the yield writes before reading it", async () => {
      const source = `/* @resumable */ export function* g(names) {
        let handle, other;
        for (const name of names) {
          handle = { name };
          yield handle.name;
        }
        for (const name of names) {
          try {
            other = { name };
            yield other.name;
          } catch {
            names.push(other.name);
          }
        }
      }`;
      const live = await liveAtResumePoints(source, "overwritten-liveness.js", major);
      // At the first yield every way to a read of `handle` goes round the loop, through the write.
      expect(live[0]).not.toContain("$handle");
      // At the second, throw() reaches the catch, and the write's own value may throw there on the next round.
      expect(live[1]).not.toContain("$handle");
      expect(live[1]).toContain("$other");
    });

    it("does not keep alive the local a lowered destructuring of a yield's value reads from", async () => {
      // Lowered, `const { cmd } = yield x` writes a local with the sent value, then reads it, in one
      // statement: the write comes first on every way from the yield, so the last round's value is dead.
      const source = `/* @resumable */ export function* g(log) {
        while (true) {
          const { cmd, arg } = yield "ready";
          const [x, y] = yield cmd;
          let z;
          const w = (z = x, yield z, z + y);
          log.push(x + y + arg + w);
        }
      }`;
      const live = await liveAtResumePoints(source, "statement-liveness.js", major);
      expect(live[0]).toEqual(["$log"]);
      expect([...live[1]!].sort()).toEqual(["$arg", "$log"]);
      // A yield between the write and the read, in one statement, keeps the written value.
      expect(live[2]).toContain("$z");
    });

    it("does not keep alive a local that its statement writes, whenever it runs, before reading it", async () => {
      // A lowered \`??\` writes its left side to a local, then tests and reads it: that write runs
      // whenever the statement does, so at the yields before it the local is dead. In a branch, or
      // after the yield of its own statement, a write does not count.
      const source = `/* @resumable */ export function* g(o, log) {
        const first = yield 1;
        log.push(o.value ?? first);
        let v;
        yield (v = first) && 2;
        log.push(v);
        return o.r?.value ?? (yield 3);
      }`;
      const live = await liveAtResumePoints(source, "expression-liveness.js", major);
      expect(live[0]!.filter((field) => !field.startsWith("$o") && field !== "$log")).toEqual([]);
      expect(live[1]).toContain("$v");
    });

    it("marks a binding uninitialized only where a use may come before its declaration", () => {
      const code = compileSource(
        [
          "/* @resumable */ export function* g(n) {",
          "  let total = 0;",
          "  for (let i = 0; i < n; i++) {",
          "    const doubled = i * 2;",
          "    total += doubled;",
          "    yield doubled;",
          "  }",
          "  const late = () => early;",
          "  let early = total;",
          "  yield late();",
          "}",
        ].join("\n"),
        file("dead-zone-marks.js"),
        major,
      );
      const marked = [...code.matchAll(/\.(\$\w+) = _UNINITIALIZED\b/g)].map((match) => match[1]);
      // `early` is read by a closure made above its declaration; `total` and `doubled` only after theirs.
      expect(marked).toEqual(["$early"]);
    });

    it("clears a dead field once before a loop that never touches it, else at the yield", async () => {
      const source = [
        "/* @resumable */ export function* g(rows) {",
        "  const setup = { size: rows.length };",
        "  let total = setup.size;",
        "  for (let i = 0; i < 3; i++) yield total + i;",
        "  const tail = [total];",
        "  yield tail.length;",
        "}",
      ].join("\n");
      const code = compileSource(source, file("dead-field-clears.js"), major);
      // The loop's yield suspends without clearing anything: `setup` and `rows` were cleared before the loop.
      // One chained statement, stored first to last: `$setup`, then `$rows`.
      expect(code).toMatch(/_frame\.\$rows = _frame\.\$setup = void 0;\s*_frame\.\$i = 0;/);
      expect(code).toMatch(/_frame\._next = \d+;\s*return _frame\.\$total \+ _frame\.\$i;/);
      const mod = await importCompiled<{ g: (rows: unknown[]) => Generator & Record<string, unknown> }>(
        source,
        file("dead-field-clears.js"),
        major,
      );
      const gen = mod.g(["a", "b"]);
      // The constructor creates the fields in one chained statement, still in the order of the frame's
      // fields (the function's scope, then inner blocks'), as when each had a statement of its own.
      expect(Object.keys(gen).filter((key) => key.startsWith("$"))).toEqual(["$rows", "$setup", "$total", "$tail", "$i"]);
      for (const expected of [2, 3, 4]) {
        expect(gen.next().value).toBe(expected);
        expect(gen["$setup"]).toBeUndefined();
        expect(gen["$total"]).toBe(2);
      }
      expect(gen.next().value).toBe(1);
      expect(gen["$tail"]).toBeUndefined();
    });

    it("clears a dead field or temporary once, not again at each later yield that runs after (output linear in the yields)", async () => {
      const body = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join("\n");
      const source = (n: number, line: (i: number) => string) =>
        `/* @resumable */ export function* g() {\n  let s = 0;\n${body(n, line)}\n  return s;\n}`;
      for (const line of [(i: number) => `  let x${i} = yield ${i};`, (i: number) => `  s += yield ${i};`]) {
        const small = compileSource(source(50, line), file("many-yields.js"), major).length;
        const large = compileSource(source(200, line), file("many-yields.js"), major).length;
        // Four times the yields: about four times the output, where each yield clearing every field dead before it made it quadratic.
        expect(large / small).toBeLessThan(5);
      }
      // Each `x` is cleared at the yield right after it dies, and at none after.
      const code = compileSource(
        source(4, (i) => `  let x${i} = yield ${i};`),
        file("many-yields.js"),
        major,
      );
      // Its write and two clears: at the yield of its own declaration (a use the walk meets first) and at the next one.
      expect([...code.matchAll(/_frame\.\$x0 = /g)]).toHaveLength(3);
      const mod = await importCompiled<{ g: () => Generator & Record<string, unknown> }>(
        source(4, (i) => `  let x${i} = yield ${i};`),
        file("many-yields.js"),
        major,
      );
      const gen = mod.g();
      for (let i = 0; i < 4; i++) gen.next({ big: i });
      expect(Object.entries(gen).filter(([key, value]) => key.startsWith("$x") && value !== undefined)).toEqual([]);
    });

    it("compiles a yield inside TypeScript's type-only expressions (`as`, `satisfies`, `<T>`, `!`)", async () => {
      // Our plugin runs before the TypeScript preset strips them, and regenerator's emitter knows no type syntax.
      const source = [
        "let last: unknown;",
        "/* @resumable */ export function* g(): Generator<number, string, unknown> {",
        "  const a = (yield 1) as string;",
        "  const b = (yield 2)!;",
        "  const c = <number>(yield 3);",
        "  (last as unknown) = ((yield 4) as unknown) satisfies unknown;",
        "  return `${a} ${b} ${c} ${String(last)}`;",
        "}",
      ].join("\n");
      const mod = await importTypeScript<{ g: () => Generator }>(source, "type-only-wrappers.ts", major);
      if (!mod) return;
      const gen = mod.g();
      expect(gen.next().value).toBe(1);
      expect(gen.next("a").value).toBe(2);
      // Restored between two of them, in the state the wrappers left it.
      const resumed = restore(snapshot(gen)) as Generator;
      expect(resumed.next("b").value).toBe(3);
      expect(resumed.next(3).value).toBe(4);
      expect(resumed.next(4)).toEqual({ value: "a b 3 4", done: true });
    });

    it("compiles TypeScript's declarations in the body: overload signatures, type aliases, interfaces, class modifiers", async () => {
      const source = [
        "/* @resumable */ export function* g(n: number): Generator<unknown, string, number> {",
        "  function twice(x: number): number;",
        "  function twice(x: string): string;",
        "  function twice(x: any): any { return x + x; }",
        "  type Pair = [number, number];",
        "  interface Named { name: string }",
        "  abstract class Base { abstract get(): number; protected step = 2; }",
        "  class Counter extends Base implements Named {",
        "    name = 'counter';",
        "    constructor(private readonly start: number) { super(); }",
        "    get(): number { return this.start + this.step; }",
        "  }",
        "  const counter = new Counter(yield twice(n));",
        "  const pair: Pair = [counter.get(), (yield counter.name) as number];",
        "  return twice(String(pair[0] + pair[1]));",
        "}",
      ].join("\n");
      const mod = await importTypeScript<{ g: (n: number) => Generator }>(source, "typescript-declarations.ts", major);
      if (!mod) return;
      const gen = mod.g(3);
      expect(gen.next().value).toBe(6);
      expect(gen.next(10).value).toBe("counter");
      expect(gen.next(1)).toEqual({ value: "1313", done: true });
    });

    it("leaves the names in TypeScript types alone: a class of the body used as a type, `typeof` a local", async () => {
      const source = [
        "/* @resumable */ export function* g(): Generator<unknown, string, unknown> {",
        "  class Node { next: Node | null = null; link(other: Node): Node { this.next = other; return this; } }",
        "  const head: Node = new Node();",
        "  let copy: typeof head | undefined = head;",
        "  yield head.link(new Node()).next instanceof Node;",
        "  // An enum member's initializer is a value, though its parent is a TypeScript node.",
        "  const step = 3;",
        "  const levels = () => { enum Level { Low = step, High = step * 2 } return Level.High; };",
        "  yield levels();",
        "  return typeof copy;",
        "}",
      ].join("\n");
      const mod = await importTypeScript<{ g: () => Generator }>(source, "types-name-locals.ts", major);
      if (!mod) return;
      const gen = mod.g();
      expect(gen.next()).toEqual({ value: true, done: false });
      expect(gen.next()).toEqual({ value: 6, done: false });
      expect(gen.next()).toEqual({ value: "object", done: true });
    });

    it("leaves `super` in the methods of a class or object literal made in the body to them", async () => {
      const source = [
        "class Base { constructor(v) { this.v = v; } describe() { return `base ${this.v}`; } }",
        "/* @resumable */ export function* g() {",
        "  class Derived extends Base {",
        "    constructor(v) { super(v * 2); }",
        "    describe() { return `derived, ${super.describe()}`; }",
        "  }",
        "  const literal = { __proto__: { hello() { return 'hi'; } }, hello() { return super.hello() + '!'; } };",
        "  const d = new Derived(yield literal.hello());",
        "  yield d.describe();",
        "}",
      ].join("\n");
      const mod = await importCompiled<{ g: () => Generator }>(source, file("nested-super.js"), major);
      const gen = mod.g();
      expect(gen.next().value).toBe("hi!");
      expect(gen.next(4).value).toBe("derived, base 8");
    });

    it("compiles a yield inside parentheses the parser kept as nodes (createParenthesizedExpressions)", async () => {
      const source = "/* @resumable */ export function* g() { const a = (yield 1) + 1; return ((yield a)) * 2; }";
      const mod = await importCompiled<{ g: () => Generator }>(source, file("parenthesized.js"), major, {
        parserOpts: { createParenthesizedExpressions: true },
      });
      const gen = mod.g();
      expect(gen.next().value).toBe(1);
      expect(gen.next(1).value).toBe(2);
      expect(gen.next(5)).toEqual({ value: 10, done: true });
    });

    it("calls a parenthesized method callee with its object when an argument yields, parentheses kept as nodes or not", async () => {
      const source = [
        "const o = { m(x) { return [this === o, x]; } };",
        "/* @resumable */ export function* g() {",
        "  return [(o.m)(yield 1), (o?.m)(yield 2), (o?.['m'])(yield 3)];",
        "}",
      ].join("\n");
      for (const createParenthesizedExpressions of [false, true]) {
        const mod = await importCompiled<{ g: () => Generator }>(
          source,
          file(`parenthesized-callee-${createParenthesizedExpressions}.js`),
          major,
          {
            parserOpts: { createParenthesizedExpressions },
          },
        );
        const gen = mod.g();
        gen.next();
        gen.next("a");
        gen.next("b");
        expect(gen.next("c")).toEqual({
          value: [
            [true, "a"],
            [true, "b"],
            [true, "c"],
          ],
          done: true,
        });
      }
    });

    it("writes the yield* step of next() only into classes whose function has a yield*", () => {
      const code = compileSource(
        "/* @resumable */ export function* plain() { yield 1; }\n/* @resumable */ export function* outer() { yield* plain(); }\n",
        file("delegate-step.js"),
        major,
      );
      // From the fast path on: every constructor creates `_delegate` (frame-layout.ts).
      const methodsOf = (name: string) => {
        const start = code.indexOf(`class _${name}$Frame`);
        return code.slice(code.indexOf("next(value)", start), code.indexOf(`_defineResumable(_${name}$Frame`));
      };
      expect(methodsOf("plain")).toContain("_body(this)");
      expect(methodsOf("plain")).not.toContain("_delegate");
      expect(methodsOf("outer")).toContain("this._delegate.next(started ? void 0 : value)");
    });

    it("gives the same version to reformatted code and another to changed code", async () => {
      const versionOf = (code: string, name: string) => {
        const out = compileSource(code, file(name), major);
        // The code version, before the layout version after its colon.
        return /version: "([0-9a-f]+):[0-9a-f]{8}"/.exec(out)![1];
      };
      const original = versionOf("/* @resumable */ function* g(n) { for (let i = 0; i < n; i++) yield i; }", "v1.js");
      const reformatted = versionOf(
        "/* @resumable */\nfunction* g(n) {\n  // count up\n  for (let i = 0; i < n; i++) {\n    yield i;\n  }\n}",
        "v2.js",
      );
      const blockless = versionOf("/* @resumable */ function* g(n) { for (let i = 0; i < n; i++) /* step */ yield i; }", "v3.js");
      const changed = versionOf("/* @resumable */ function* g(n) { for (let i = 1; i < n; i++) yield i; }", "v4.js");
      expect(blockless).toBe(original);
      expect(reformatted).not.toBe(changed);
      expect(changed).not.toBe(original);
    });

    it("points stack traces at the user's lines", () => {
      const source = [
        "/* @resumable */ export function* g() {",
        "  yield 1;",
        "  throw new Error('boom');",
        "}",
        "const it = g(); it.next();",
        "try { it.next(); } catch (e) { console.log(e.stack.split('\\n')[1]); }",
      ].join("\n");
      const path = compileToFile(source, file("stack.js"), major);
      const out = execFileSync(process.execPath, ["--enable-source-maps", path], { encoding: "utf8" });
      expect(out).toMatch(/stack\.js:3:\d+/);
    });
  });
}
