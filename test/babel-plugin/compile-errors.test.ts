/**
 * Every compile-time refusal: its message and Babel's code frame pointing at
 * the offending line, on Babel 7 and Babel 8.
 */
import { describe, expect, it } from "vitest";
import { babelCore, projectRoot, type BabelMajor } from "../support/compile.js";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";

const plugin = join(projectRoot, "dist", "babel-plugin", "index.js");

interface CompileOptions {
  sourceType?: "module" | "script";
  pluginOptions?: object;
  /** Syntax beyond the standard's (a proposal's). */
  parserPlugins?: string[];
}

function compile(major: BabelMajor, code: string, options: CompileOptions = {}): string {
  const result = babelCore(major).transformSync(code, {
    parserOpts: { plugins: (options.parserPlugins ?? []) as never[] },
    filename: join(projectRoot, "src", "example.js"),
    root: projectRoot,
    babelrc: false,
    configFile: false,
    sourceType: options.sourceType ?? "module",
    plugins: [[plugin, options.pluginOptions ?? {}]],
  });
  return result!.code!;
}

function compileError(major: BabelMajor, code: string, options?: Parameters<typeof compile>[2]): Error {
  try {
    compile(major, code, options);
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a compile error");
}

const cases: Array<{ name: string; code: string; message: RegExp; frameLine?: string; sourceType?: "script"; parserPlugins?: string[] }> = [
  {
    name: "annotation on a plain function",
    code: "const a = 1;\n/* @resumable */\nfunction plain() { return 1; }\n",
    message: /@resumable annotates a function that is not a generator; put the annotation right before a `function\*`/,
    frameLine: "> 3 | function plain() { return 1; }",
  },
  {
    name: "annotation on an async function",
    code: "/* @resumable */\nasync function fetchAll() { return 1; }\n",
    message: /@resumable annotates an async function; put the annotation right before a `function\*` or `async function\*`/,
    frameLine: "> 2 | async function fetchAll() { return 1; }",
  },
  {
    name: "annotation on an arrow function",
    code: "const f = /* @resumable */ () => 1;\n",
    message: /@resumable annotates an arrow function/,
  },
  {
    name: "annotation on a statement",
    code: "/* @resumable */\nconst x = 1;\n",
    message: /@resumable annotates a VariableDeclaration/,
  },
  {
    name: "an annotation on a name rather than on the function it is given",
    code: "let x = 1,\n  /* @resumable */ y = function* () {};\n",
    message: /@resumable annotates the name `y`; put the annotation right before a `function\*`/,
  },
  {
    name: "annotation followed by nothing",
    code: "function* g() { yield 1; }\n/* @resumable */\n",
    message: /@resumable annotation \(line 2\) is not followed by a generator function/,
  },
  {
    name: "malformed annotation",
    code: "/* @resumable(train) */\nfunction* g() { yield 1; }\n",
    message: /@resumable annotation \(line 1\) is malformed: write `\/\* @resumable \*\/` or `\/\* @resumable\("stable.id"\) \*\/`/,
  },
  {
    name: "malformed annotation in a JSDoc comment",
    code: "/**\n * Steps.\n * @resumable(train)\n */\nfunction* g() { yield 1; }\n",
    message: /@resumable annotation \(line 1\) is malformed/,
  },
  {
    name: "two functions with one id",
    code: '/* @resumable("same") */\nfunction* a() { yield 1; }\n/* @resumable("same") */\nfunction* b() { yield 2; }\n',
    message: /the id "same" is already used by the generator at line 2 of this file/,
    frameLine: "> 4 | function* b() { yield 2; }",
  },
  {
    name: "a binding from an enclosing function",
    code: "function outer(step) {\n  /* @resumable */\n  function* inner() { yield step; }\n  return inner();\n}\n",
    message: /uses "step" from an enclosing function; a restored generator cannot get that binding back. Pass "step" as a parameter/,
    frameLine: "> 3 |   function* inner() { yield step; }",
  },
  {
    name: "super in an object literal's generator method",
    code: "const o = {\n  /* @resumable */\n  *g() { yield super.x; }\n};\n",
    message: /`super` inside a resumable generator method of an object literal is not supported yet/,
    frameLine: "> 3 |   *g() { yield super.x; }",
  },
  {
    name: "a compound assignment to a super property",
    code: "class A {}\nclass B extends A {\n  /* @resumable */\n  *g() { super.x += yield 1; }\n}\n",
    message:
      /`super.x` can be read, called and assigned with `=`; a compound assignment, .* is not supported yet: write `super.x = super.x \+ 1`/,
    frameLine: "> 4 |   *g() { super.x += yield 1; }",
  },
  {
    name: "a private name outside a method of its class",
    code: "class A {\n  #x = 1;\n  m() {\n    /* @resumable */\n    function* g(o) { yield o.#x; }\n    return g(this);\n  }\n}\n",
    message: /private names \(`#x`\) are only supported in a resumable generator method of the class that declares them/,
  },
  {
    name: "super in a method of an object literal whose keys yield",
    code: "/* @resumable */\nfunction* g() {\n  const o = { [yield 1]() { return super.toString(); } };\n}\n",
    message:
      /`super` in a method of an object literal whose keys contain a yield \(or whose computed key comes before a value that yields\) is not supported/,
    frameLine: "> 3 |   const o = { [yield 1]() { return super.toString(); } };",
  },
  {
    name: "super in a method of an object literal whose computed key comes before a value that yields",
    code: "/* @resumable */\nfunction* g(k) {\n  const o = { [k]: yield 1, m() { return super.toString(); } };\n}\n",
    message:
      /`super` in a method of an object literal whose keys contain a yield \(or whose computed key comes before a value that yields\) is not supported/,
    frameLine: "> 3 |   const o = { [k]: yield 1, m() { return super.toString(); } };",
  },
  {
    name: "direct eval",
    code: "/* @resumable */\nfunction* g(x) { yield eval('x'); }\n",
    message: /direct `eval` inside a resumable generator cannot see its locals/,
  },
  {
    name: "a yield inside a do expression (a proposal's syntax)",
    code: "/* @resumable */\nfunction* g() {\n  const a = do { yield 1; };\n}\n",
    message: /a `yield` inside a `do` expression is not supported; yield in a statement before it and use the result inside/,
    frameLine: "> 3 |   const a = do { yield 1; };",
    parserPlugins: ["doExpressions"],
  },
  {
    name: "a yield inside import()",
    code: "/* @resumable */\nfunction* g() {\n  const loading = import(yield 1);\n}\n",
    message: /a `yield` inside `import\(\)` is not supported; yield into a variable first, then call import\(\) with it/,
    frameLine: "> 3 |   const loading = import(yield 1);",
  },
  {
    name: "an await inside import() in an async generator",
    code: "/* @resumable */\nasync function* g(p) {\n  const loading = import(await p);\n}\n",
    message: /an `await` inside `import\(\)` is not supported; await into a variable first, then call import\(\) with it/,
    frameLine: "> 3 |   const loading = import(await p);",
  },
  {
    name: "an await inside a do expression in an async generator",
    code: "/* @resumable */\nasync function* g(p) {\n  const a = do { await p; };\n}\n",
    message: /an `await` inside a `do` expression is not supported; await in a statement before it/,
    frameLine: "> 3 |   const a = do { await p; };",
    parserPlugins: ["doExpressions"],
  },
  {
    name: "a yield on the right of #name in",
    code: "class C {\n  #x;\n  /* @resumable */\n  *g() { return #x in (yield 1); }\n}\n",
    message: /a `yield` on the right of `#name in` is not supported; yield into a variable first/,
    frameLine: "> 4 |   *g() { return #x in (yield 1); }",
  },
  {
    name: "a TypeScript enum declared in the body",
    code: "/* @resumable */\nfunction* g() {\n  enum Inner { A = 1, B }\n  yield Inner.B;\n}\n",
    message: /an `enum` declared inside a resumable generator is not supported; declare it at module level/,
    frameLine: "> 3 |   enum Inner { A = 1, B }",
    parserPlugins: ["typescript"],
  },
  {
    name: "a destructuring parameter after a default that makes a closure over the parameters",
    code: "/* @resumable */\nfunction* g(a, read = () => a, [first = read()] = []) {\n  yield first;\n}\n",
    message:
      /a destructuring parameter after a parameter default that makes a closure over the parameters is not supported \(such defaults are evaluated after the other parameters\); take this one as a plain parameter and destructure it in the body/,
    frameLine: "> 2 | function* g(a, read = () => a, [first = read()] = []) {",
  },
  {
    name: "a body var that redeclares a parameter a default's closure uses",
    code: "/* @resumable */\nfunction* g(a, read = () => a) {\n  var a = 2;\n  yield read();\n}\n",
    message:
      /`var a` redeclares parameter a, which a closure made by a parameter default uses; natively they are two variables \(the closure does not see the body's writes\), here they would be one: give the body's variable another name/,
    frameLine: "> 3 |   var a = 2;",
  },
  {
    name: "two resume points with one label",
    code: '/* @resumable */\nfunction* g() {\n  /* @resume "tick" */ yield 1;\n  /* @resume "tick" */ yield 2;\n}\n',
    message:
      /the resume point label "tick" is already used at line 3 of this function; a migration names a resume point by its label, so each must be unique: rename one/,
    frameLine: '> 4 |   /* @resume "tick" */ yield 2;',
  },
  {
    name: "a TypeScript namespace declared in the body",
    code: "/* @resumable */\nfunction* g() {\n  namespace Inner { export const k = 7; }\n  yield Inner.k;\n}\n",
    message:
      /a `namespace` declared inside a resumable generator is not supported \(TypeScript allows one only at a module's or a namespace's top level\); declare it at module level/,
    frameLine: "> 3 |   namespace Inner { export const k = 7; }",
    parserPlugins: ["typescript"],
  },
  {
    name: "with statement",
    code: "/* @resumable */\nfunction* g(o) { with (o) { yield a; } }\n",
    message: /`with` is not supported inside a resumable generator/,
    sourceType: "script",
  },
];

for (const major of [7, 8] as const) {
  describe(`compile errors (Babel ${major})`, () => {
    for (const testCase of cases) {
      it(testCase.name, () => {
        const error = compileError(major, testCase.code, { sourceType: testCase.sourceType, parserPlugins: testCase.parserPlugins });
        // Babel colours the code frame when the terminal (or FORCE_COLOR) says it may.
        const message = stripVTControlCharacters(error.message);
        expect(message).toMatch(testCase.message);
        // Babel's code frame: the file name and the offending line, marked.
        expect(message).toContain("example.js");
        if (testCase.frameLine) expect(message).toContain(testCase.frameLine);
      });
    }

    it("rejects unknown plugin options", () => {
      const error = compileError(major, "/* @resumable */ function* g() { yield 1; }", { pluginOptions: { runtime: "x" } });
      expect(error.message).toMatch(/option "runtime" must be one of: runtimeModule, moduleKey/);
    });

    it("says so when comments are not attached (parserOpts.attachComment: false)", () => {
      let message = "";
      try {
        babelCore(major).transformSync("/* @resumable */ function* g() { yield 1; }", {
          filename: join(projectRoot, "src", "example.js"),
          babelrc: false,
          configFile: false,
          parserOpts: { attachComment: false },
          plugins: [plugin],
        });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/parserOpts\.attachComment is false, so Babel attaches no comment to the code they annotate/);
    });

    it("rejects a non-string runtimeModule", () => {
      const error = compileError(major, "/* @resumable */ function* g() { yield 1; }", { pluginOptions: { runtimeModule: 3 } });
      expect(error.message).toMatch(/option "runtimeModule" must be a non-empty string/);
    });
  });
}
