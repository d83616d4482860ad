/**
 * 4. Compile time: Babel + our plugin vs Babel + @babel/plugin-transform-regenerator
 * on the same 2,000-line module of 50 annotated generators; and Babel with
 * vs without our plugin on the same module without annotations.
 * Each figure is a whole transformSync (parse, transform, generate) with the
 * same options object every time, as a bundler calls it.
 */
import { do_not_optimize } from "mitata";
import { join } from "node:path";
import { babel, loadOurPlugin, regeneratorPlugins } from "../lib/compile.js";
import { compileInput } from "../lib/compile-input.js";
import { pairedOnce, ratio } from "../lib/measure.js";
import { projectRoot } from "../lib/paths.js";

export async function runCompile({ quick, log }) {
  const ourPlugin = await loadOurPlugin();
  // The quick run compiles a fifth of the file: the ratios are what it checks.
  const generators = quick ? 10 : 50;
  const annotated = compileInput({ annotate: true, generators });
  const plain = compileInput({ annotate: false, generators });
  const filename = join(projectRoot, "bench", "generated", "compile-input.js");
  const base = { babelrc: false, configFile: false, root: projectRoot, filename, sourceType: "module" };
  const options = {
    ours: { ...base, plugins: [ourPlugin] },
    regen: { ...base, plugins: regeneratorPlugins },
    none: { ...base, plugins: [] },
  };
  const transform = (code, opts) => babel.transformSync(code, opts).code;
  // Both compilers must accept the whole file; our output must mention every generator.
  const oursOut = transform(annotated, options.ours);
  const frames = (oursOut.match(/extends _Frame/g) ?? []).length;
  if (frames !== generators) throw new Error(`compile section: our plugin compiled ${frames} of ${generators} generators`);
  transform(annotated, options.regen);
  if (transform(plain, options.ours) !== transform(plain, options.none))
    throw new Error("compile section: our plugin changed a file without annotations");

  const settings = { rounds: quick ? 3 : 11, warmup: quick ? 1 : 2 };
  const annotatedFigures = pairedOnce(
    { ours: () => do_not_optimize(transform(annotated, options.ours)), regen: () => do_not_optimize(transform(annotated, options.regen)) },
    settings,
  );
  // A 5% limit needs more rounds than a 50% one to stand out of the noise.
  const plainFigures = pairedOnce(
    { withPlugin: () => do_not_optimize(transform(plain, options.ours)), without: () => do_not_optimize(transform(plain, options.none)) },
    { ...settings, rounds: quick ? 5 : 25 },
  );
  const ms = (ns) => `${(ns / 1e6).toFixed(1)} ms`;
  log(`  annotated: ours ${ms(annotatedFigures.ours.median)}, regenerator ${ms(annotatedFigures.regen.median)}`);
  log(`  unannotated: with plugin ${ms(plainFigures.withPlugin.median)}, without ${ms(plainFigures.without.median)}`);
  return {
    lines: annotated.split("\n").length - 1,
    generators,
    annotated: { ns: annotatedFigures, oursToRegen: ratio(annotatedFigures.ours, annotatedFigures.regen) },
    unannotated: { ns: plainFigures, withToWithout: ratio(plainFigures.withPlugin, plainFigures.without) },
  };
}
